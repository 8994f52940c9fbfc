package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"maintwatch/store"
)

// globals are the flags every command takes (CONTRACT.md).
type globals struct {
	db           string
	dbSet        bool // --db or WATCHER_DB named a database explicitly
	now          string
	allowPrivate bool
	logFormat    string
	logLevel     string

	clock  func() time.Time // resolved from --now
	logger *slog.Logger
}

func newGlobals() *globals {
	db, set := os.Getenv("WATCHER_DB"), true
	if db == "" {
		db, set = "watcher.db", false
	}
	return &globals{db: db, dbSet: set, now: os.Getenv("WATCHER_NOW"), logFormat: "text", logLevel: "info"}
}

// flagSet makes a flag set that already holds the global flags, so they may
// stand before or after the command name.
func (g *globals) flagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Func("db", "SQLite database `path` (default watcher.db, env WATCHER_DB)", func(v string) error {
		if v == "" {
			return errors.New("empty path")
		}
		g.db, g.dbSet = v, true
		return nil
	})
	fs.StringVar(&g.now, "now", g.now, "override the clock: RFC 3339 or YYYY-MM-DD (env WATCHER_NOW)")
	fs.BoolVar(&g.allowPrivate, "allow-private", g.allowPrivate, "allow crawling loopback and private addresses")
	fs.StringVar(&g.logFormat, "log-format", g.logFormat, "log format: text or json")
	fs.StringVar(&g.logLevel, "log-level", g.logLevel, "log level: debug, info, warn, error")
	return fs
}

// parseFlags parses and turns flag's errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageError{err.Error()}
	}
	return nil
}

// parseCommand parses a command's flags (globals included) and resolves the
// globals. Positional arguments may be mixed with flags.
func (g *globals) parseCommand(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if rest[0] == "--" {
			pos = append(pos, rest[1:]...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return pos, g.resolve(stderr)
}

func (g *globals) resolve(stderr io.Writer) error {
	if g.now == "" {
		g.clock = time.Now
	} else {
		t, err := parseTime(g.now)
		if err != nil {
			return usagef("--now: %v", err)
		}
		// A fixed --now makes runs reproducible; time still moves inside the
		// run so durations and fetch times stay ordered.
		start := time.Now()
		g.clock = func() time.Time { return t.Add(time.Since(start)) }
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(g.logLevel)); err != nil {
		return usagef("--log-level: %v", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch g.logFormat {
	case "text":
		g.logger = slog.New(slog.NewTextHandler(stderr, opts))
	case "json":
		g.logger = slog.New(slog.NewJSONHandler(stderr, opts))
	default:
		return usagef("--log-format must be text or json, not %q", g.logFormat)
	}
	return nil
}

// jst is the zone a bare YYYY-MM-DD is read in: the shops' own.
var jst = time.FixedZone("JST", 9*3600)

func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02", s, jst); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is neither RFC 3339 nor YYYY-MM-DD", s)
}

// openStore opens the database named by --db. store.Open refuses a path in a
// missing folder with a clear message rather than creating folders.
func (g *globals) openStore(ctx context.Context) (*store.DB, error) {
	db, err := store.Open(ctx, g.db)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", g.db, err)
	}
	return db, nil
}

// needArgs checks the count of positional arguments.
func needArgs(pos []string, n int, usage string) error {
	if len(pos) != n {
		return usagef("usage: %s", usage)
	}
	return nil
}

// oneOf validates an enumerated flag value.
func oneOf(flagName, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return usagef("--%s must be one of %s, not %q", flagName, strings.Join(allowed, ", "), v)
}
