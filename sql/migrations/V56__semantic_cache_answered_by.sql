-- Cellar Door schema, version 56: a cached answer is served only by the code that computed it.
--
-- Version 52 keeps a cached answer from outliving the knowledge and plugin settings it came from. The code that
-- answered could still change under it: a new release of the application, or a plugin jar replaced in the plugins
-- folder before a restart (a hot load already empties every cache), kept serving the old code's answer to the same
-- question for up to the cache's time to live. Each entry now records the code that answered it (a SHA-256 over the
-- application's build and the hashes of the loaded plugin jars, io.cellardoor.cache.AnswerCode) and is found only by an
-- instance running that same code, so replicas of two releases side by side during a rolling upgrade each serve only
-- their own answers.

-- Entries from before this version have no code recorded and are never served again; they expire with their TTL.
ALTER TABLE semantic_cache ADD COLUMN answered_by text;
