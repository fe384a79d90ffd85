"""What the stages code with: the event lexicon and its loaders (``lexicon``), trigger
matching (``triggers``), reading arguments off the parse (``arguments``, ``syntax``),
coding actors as country + sector (``actors``, ``sides``) and reading headlines
(``headline_reading``). Nothing here is a registered stage and nothing here runs the
pipeline: stages call into this package, never the other way round."""
