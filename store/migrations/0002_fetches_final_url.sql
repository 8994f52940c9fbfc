-- 0002: evidence pages look a page up by the URL an observation names, which
-- is the final URL when the request was redirected.
CREATE INDEX fetches_final_url ON fetches(final_url, id) WHERE final_url <> '';
