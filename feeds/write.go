package feeds

import (
	"context"
	"io"
	"time"
)

// Write loads the episodes q selects from src and renders them: what
// `watcher feed --format rss|atom|json` prints.
func Write(ctx context.Context, src Source, w io.Writer, format string, q Query, now time.Time, baseURL string) error {
	if _, ok := Formats[format]; !ok {
		return ErrFormat
	}
	eps, err := Load(ctx, src, q)
	if err != nil {
		return err
	}
	return Render(w, format, Build(eps, Options{BaseURL: baseURL, Now: now}))
}
