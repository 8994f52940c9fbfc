package main

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"maintwatch/store"
)

// maxSiteLine bounds one line of a sites file; longer is surely not a URL.
const maxSiteLine = 8 << 10

// parseSitesFile reads `URL[,name]` lines; `#` starts a comment line and
// blank lines are skipped. The first bad line fails the whole file with its
// line number, so nothing is half-imported.
func parseSitesFile(r io.Reader) ([]store.SiteInput, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxSiteLine)
	var out []store.SiteInput
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff") // a BOM from editors on Windows
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("line %d: not valid UTF-8", line)
		}
		raw, name, _ := strings.Cut(text, ",")
		u, err := checkSiteURL(strings.TrimSpace(raw))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, store.SiteInput{URL: u, Name: strings.TrimSpace(name)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

// checkSiteURL accepts an absolute http(s) URL with a host and returns it
// without its fragment.
func checkSiteURL(raw string) (string, error) {
	if raw == "" {
		return "", fmt.Errorf("empty URL")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("bad URL %q: %v", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("URL %q is not http(s)", raw)
	}
	if u.Hostname() == "" {
		return "", fmt.Errorf("URL %q has no host", raw)
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String(), nil
}
