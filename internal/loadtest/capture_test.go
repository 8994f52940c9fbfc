package loadtest

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	"maintwatch/crawler"
	"maintwatch/cycle"
	"maintwatch/judge"
	"maintwatch/store"
)

// logCapture keeps every log line of the server and the crawler so the test
// can look for errors and "database is locked" after the run.
type logCapture struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *logCapture) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.Write(p)
}

func (c *logCapture) logger(component string) *slog.Logger {
	return slog.New(slog.NewTextHandler(c, &slog.HandlerOptions{Level: slog.LevelInfo})).With("component", component)
}

// scan counts the error lines and the lines that speak of a locked or busy
// database, and returns a few of them to show.
func (c *logCapture) scan() (errs, locked int, sample []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, line := range strings.Split(c.buf.String(), "\n") {
		isErr := strings.Contains(line, "level=ERROR")
		isLocked := lockedText(line)
		if isErr {
			errs++
		}
		if isLocked {
			locked++
		}
		if (isErr || isLocked) && len(sample) < 5 {
			sample = append(sample, line)
		}
	}
	return errs, locked, sample
}

// lockedText: SQLite's SQLITE_BUSY and SQLITE_LOCKED as go-sqlite3 words them.
func lockedText(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "database is locked") || strings.Contains(s, "database table is locked") ||
		strings.Contains(s, "sqlite_busy") || strings.Contains(s, "database is busy")
}

// timedStore is the store as the cycle sees it, timing every write: a reader
// that held the writer up would show as a write waiting for busy_timeout.
type timedStore struct {
	*store.DB
	mu     sync.Mutex
	writes []time.Duration
	reads  []time.Duration // the cycle's own reads: history, observations, corroboration
}

var _ cycle.Store = (*timedStore)(nil)

func (s *timedStore) record(d time.Duration) {
	s.mu.Lock()
	s.writes = append(s.writes, d)
	s.mu.Unlock()
}

func (s *timedStore) read(d time.Duration) {
	s.mu.Lock()
	s.reads = append(s.reads, d)
	s.mu.Unlock()
}

func (s *timedStore) Prior(ctx context.Context, url string) (crawler.Prior, bool, error) {
	t0 := time.Now()
	p, ok, err := s.DB.Prior(ctx, url)
	s.read(time.Since(t0))
	return p, ok, err
}

func (s *timedStore) Observations(ctx context.Context, siteID int64) ([]judge.Observation, error) {
	t0 := time.Now()
	obs, err := s.DB.Observations(ctx, siteID)
	s.read(time.Since(t0))
	return obs, err
}

func (s *timedStore) Corroboration(ctx context.Context, fps []string, at time.Time, window time.Duration) (map[string]int, error) {
	t0 := time.Now()
	m, err := s.DB.Corroboration(ctx, fps, at, window)
	s.read(time.Since(t0))
	return m, err
}

func (s *timedStore) readTimes() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.reads...)
}

func (s *timedStore) SaveCrawl(ctx context.Context, rec store.CrawlRecord) ([]judge.Observation, error) {
	t0 := time.Now()
	obs, err := s.DB.SaveCrawl(ctx, rec)
	s.record(time.Since(t0))
	return obs, err
}

func (s *timedStore) SaveEpisodes(ctx context.Context, siteID int64, eps []judge.Episode) error {
	t0 := time.Now()
	err := s.DB.SaveEpisodes(ctx, siteID, eps)
	s.record(time.Since(t0))
	return err
}

func (s *timedStore) writeTimes() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.writes...)
}
