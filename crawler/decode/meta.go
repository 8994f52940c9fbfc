package decode

import (
	"bytes"
	"mime"
	"strings"

	"golang.org/x/net/html"
)

// prescanMeta looks for a charset declaration in <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=..."> within the
// first limit bytes. The HTML spec stops at 1024 bytes; real shops put
// kilobytes of inline script before the meta, so the crawler looks further.
// The tokenizer is byte-oriented and every encoding considered here is
// ASCII-compatible in its markup, so scanning the raw bytes is safe.
func prescanMeta(body []byte, limit int) string {
	if len(body) > limit {
		body = body[:limit]
	}
	if !bytes.Contains(bytes.ToLower(body), []byte("charset")) {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return ""
			}
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var cs, httpEquiv, content string
			for {
				k, v, more := z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if cs != "" {
				return cs
			}
			if httpEquiv == "content-type" && content != "" {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
				// Lenient: "text/html; charset=Shift_JIS;" and other near misses.
				// The index must come from content itself: strings.ToLower
				// turns each invalid byte into a 3-byte U+FFFD, so an index
				// into the lowered copy can run past the original.
				if i := indexASCIIFold(content, "charset="); i >= 0 {
					v := content[i+len("charset="):]
					if j := strings.IndexAny(v, "; \"'"); j >= 0 {
						v = v[:j]
					}
					return v
				}
			}
		}
	}
}

// indexASCIIFold is strings.Index ignoring ASCII case, with byte offsets
// into s whatever s contains. needle must be lower-case ASCII.
func indexASCIIFold(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		j := 0
		for ; j < len(needle); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[j] {
				break
			}
		}
		if j == len(needle) {
			return i
		}
	}
	return -1
}
