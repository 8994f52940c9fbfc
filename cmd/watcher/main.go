// Command watcher is maintwatch's command-line interface (shared/CONTRACT.md).
// Each subcommand is a function with the signature of run, so tests call the
// whole program in-process.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	os.Exit(exitCode(err, os.Stderr))
}

// usageError marks bad usage: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// errHelp is returned after --help was printed: exit 0.
var errHelp = errors.New("help shown")

// exitCode prints err as one clear line and maps it to the contract's exit
// statuses: 0 success, 1 the work failed, 2 bad usage.
func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "watcher: %v\n", err)
		return 2
	default:
		fmt.Fprintf(stderr, "watcher: %v\n", err)
		return 1
	}
}

type command struct {
	name, summary string
	run           func(ctx context.Context, g *globals, args []string, io stdio) error
}

// stdio carries the process's streams so tests can substitute them.
type stdio struct {
	in          io.Reader
	out, errOut io.Writer
}

func commands() []command {
	return []command{
		{"sites", "manage watched sites: import FILE | add URL [--name N] | list [--json]", runSites},
		{"crawl", "one crawl cycle over all sites", runCrawl},
		{"feed", "print the feed of flagged sites: --format rss|atom|json", runFeed},
		{"classify", "classify one notice from stdin (--json), or JSON lines (--jsonl)", runClassify},
		{"digest", "the weekly digest: --week YYYY-Www --format md|html", runDigest},
		{"serve", "serve feeds, evidence pages and digests over HTTP", runServe},
		{"run", "serve, and crawl on a schedule", runRun},
		{"demo", "start the bundled demo shops, crawl them, serve the feed", runDemo},
		{"backup", "consistent online copy of the database: backup FILE", runBackup},
	}
}

// run parses the global flags that may stand before the subcommand, then
// hands the rest to the subcommand, which accepts the global flags too.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	g := newGlobals()
	sio := stdio{in: stdin, out: stdout, errOut: stderr}
	fs := g.flagSet("watcher", stderr)
	fs.Usage = func() { topUsage(stderr) }
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		topUsage(stderr)
		return usagef("no command given")
	}
	for _, c := range commands() {
		if c.name == rest[0] {
			return c.run(ctx, g, rest[1:], sio)
		}
	}
	if rest[0] == "help" {
		topUsage(stdout)
		return nil
	}
	if rest[0] == "version" {
		fmt.Fprintln(stdout, "watcher", version)
		return nil
	}
	return usagef("unknown command %q (see watcher --help)", rest[0])
}

func topUsage(w io.Writer) {
	fmt.Fprintf(w, "watcher %s: watches Japanese shops for sudden card-payment suspensions\n\n", version)
	fmt.Fprintln(w, "Usage: watcher [global flags] COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nGlobal flags (every command): --db PATH (env WATCHER_DB), --now TIME (env WATCHER_NOW),")
	fmt.Fprintln(w, "  --allow-private, --log-format text|json, --log-level debug|info|warn|error")
	fmt.Fprintln(w, "Run 'watcher COMMAND --help' for a command's flags.")
}
