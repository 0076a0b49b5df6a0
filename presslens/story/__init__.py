"""Layer 1, the story: :mod:`.model` (Story, Actor, Speaker, Claim, Problem, StoryError),
:mod:`.yamlio` (strict YAML and front matter), :mod:`.schema` (story.yaml, section by section),
:mod:`.values` (a field's value: text or what YAML made of it, a valid regular expression),
:mod:`.load` (``load_story``: one error listing every problem), :mod:`.scaffold` (``presslens new``)
and :mod:`.importer` (saved web pages into a story folder)."""
