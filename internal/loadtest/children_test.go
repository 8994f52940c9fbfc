package loadtest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"maintwatch/demoweb"
	"maintwatch/store"
)

// The test binary doubles as the two other processes of the load test: the
// web of shops and the readers. Each runs in a child so that the process
// measured (crawl, store and web server, as `watcher run`) shares the CPU
// with them through the kernel, as it would in production, and not through
// its own Go scheduler.
const (
	serveEnv   = "MAINTWATCH_LOADTEST_SERVE"   // number of shops to serve
	clientsEnv = "MAINTWATCH_LOADTEST_CLIENTS" // JSON clientSpec
)

func TestMain(m *testing.M) {
	if n, err := strconv.Atoi(os.Getenv(serveEnv)); err == nil && n > 0 {
		exitOn(serveWeb(n, os.Stdin, os.Stdout))
	}
	if spec := os.Getenv(clientsEnv); spec != "" {
		exitOn(runClients(spec, os.Stdout))
	}
	os.Exit(m.Run())
}

func exitOn(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest child:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// webStart is the generated web's start date; its scenarios begin over the
// following 60 days.
var webStart = time.Date(2026, 4, 1, 0, 0, 0, 0, jst)

// dayAt is the simulated time of day d's crawl.
func dayAt(d int) time.Time { return webStart.AddDate(0, 0, d).Add(10 * time.Hour) }

// serveWeb runs in the web child: it prints one "URL,name" line per shop,
// then "ready", and serves until its stdin closes. Each line read from stdin
// is a new time (RFC 3339) for the shops' clock, answered with "ok".
func serveWeb(n int, in io.Reader, out io.Writer) error {
	var clock atomic.Int64
	clock.Store(dayAt(40).UnixNano())
	w, err := demoweb.Generate(n, 7, webStart, func() time.Time { return time.Unix(0, clock.Load()).In(jst) })
	if err != nil {
		return err
	}
	defer w.Close()
	bw := bufio.NewWriter(out)
	fmt.Fprint(bw, w.SitesFile())
	fmt.Fprintln(bw, "ready")
	if err := bw.Flush(); err != nil {
		return err
	}
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		t, err := time.Parse(time.RFC3339Nano, sc.Text())
		if err != nil {
			return fmt.Errorf("clock line %q: %w", sc.Text(), err)
		}
		clock.Store(t.UnixNano())
		fmt.Fprintln(bw, "ok")
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return sc.Err()
}

// webChild is the parent's handle on the web child.
type webChild struct {
	Sites []store.SiteInput
	in    io.Writer
	out   *bufio.Scanner
}

// setTime moves the shops' clock and waits until the child has.
func (w *webChild) setTime(t time.Time) error {
	if _, err := fmt.Fprintln(w.in, t.Format(time.RFC3339Nano)); err != nil {
		return fmt.Errorf("web child: %w", err)
	}
	if !w.out.Scan() || w.out.Text() != "ok" {
		return fmt.Errorf("web child did not take the time: %q %v", w.out.Text(), w.out.Err())
	}
	return nil
}

// startWeb starts the web child with n shops; it stops when the test ends.
func startWeb(tb testing.TB, n int) *webChild {
	tb.Helper()
	cmd := child(tb, fmt.Sprintf("%s=%d", serveEnv, n))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { stdin.Close(); _ = cmd.Wait() })
	w := &webChild{in: stdin, out: bufio.NewScanner(stdout)}
	for w.out.Scan() {
		if w.out.Text() == "ready" {
			return w
		}
		u, name, _ := strings.Cut(w.out.Text(), ",")
		w.Sites = append(w.Sites, store.SiteInput{URL: u, Name: name})
	}
	tb.Fatalf("web child exited before ready: %v", w.out.Err())
	return nil
}

// clientSpec tells the clients child what to read and for how long.
type clientSpec struct {
	Base    string        `json:"base"`
	SiteIDs []int64       `json:"site_ids"`
	Clients int           `json:"clients"`
	For     time.Duration `json:"for"`
	Seed    uint64        `json:"seed"`
}

// runClients runs in the clients child: it reads for spec.For, then prints
// what it saw as JSON.
func runClients(spec string, out io.Writer) error {
	var cs clientSpec
	if err := json.Unmarshal([]byte(spec), &cs); err != nil {
		return fmt.Errorf("client spec: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), cs.For)
	defer cancel()
	g := &loadGen{base: cs.Base, siteIDs: cs.SiteIDs, client: newClient(cs.Clients)}
	return json.NewEncoder(out).Encode(g.run(ctx, cs.Clients, cs.Seed))
}

// startClients starts the clients child; wait returns what they saw once
// they are done.
func startClients(tb testing.TB, cs clientSpec) (wait func() wireStats) {
	tb.Helper()
	spec, err := json.Marshal(cs)
	if err != nil {
		tb.Fatal(err)
	}
	cmd := child(tb, clientsEnv+"="+string(spec))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	return func() wireStats {
		var ws wireStats
		decErr := json.NewDecoder(stdout).Decode(&ws)
		if err := cmd.Wait(); err != nil {
			tb.Fatalf("clients child: %v", err)
		}
		if decErr != nil {
			tb.Fatalf("clients child output: %v", decErr)
		}
		return ws
	}
}

// child is the test binary run again with one more environment variable.
func child(tb testing.TB, env string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), env)
	cmd.Stderr = os.Stderr
	return cmd
}
