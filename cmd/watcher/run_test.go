package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"maintwatch/demoweb"
)

// `watcher run` as shipped: it serves while its first cycle crawls the demo
// web, with readers hammering the feed the whole time; the cycle completes,
// the feed then names the flagged shops, and SIGTERM ends the process with
// exit 0 and a database that passes its integrity check.
func TestRunServesCrawlsAndStopsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and crawls the demo web")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGTERM")
	}
	dir := t.TempDir()
	bin := buildWatcher(t, dir)
	at := time.Date(2026, 6, 3, 10, 0, 0, 0, jst)
	web, err := demoweb.StartDemo(func() time.Time { return at })
	if err != nil {
		t.Fatal(err)
	}
	defer web.Close()
	sitesFile := filepath.Join(dir, "sites.txt")
	if err := os.WriteFile(sitesFile, []byte(web.SitesFile()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "run.db")
	mustWatcher(t, bin, "--db", db, "sites", "import", sitesFile)

	cmd := exec.Command(bin, "--db", db, "--now", at.Format(time.RFC3339), "--allow-private", "--log-level", "info",
		"run", "--addr", "127.0.0.1:0", "--interval", "1h", "--delay", "0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	var logMu sync.Mutex
	var logBuf strings.Builder
	cycleDone := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		closed := false
		for sc.Scan() {
			logMu.Lock()
			logBuf.WriteString(sc.Text() + "\n")
			logMu.Unlock()
			if !closed && strings.Contains(sc.Text(), "crawl cycle done") {
				close(cycleDone)
				closed = true
			}
		}
	}()
	defer func() {
		_ = cmd.Process.Kill()
		if t.Failed() {
			logMu.Lock()
			t.Logf("watcher run log:\n%s", logBuf.String())
			logMu.Unlock()
		}
	}()

	// The first line of stdout names the address it listens on.
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the serving line: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "serving on ")
	if !ok {
		t.Fatalf("first line %q, want \"serving on <url>\"", line)
	}
	base = strings.TrimSuffix(base, "/")
	go func() { exited <- cmd.Wait() }()

	// Readers during the cycle: every answer must be a 200.
	stop := make(chan struct{})
	var served, failed atomic.Int64
	var firstFail atomic.Value
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paths := []string{"/feed.json", "/feed.rss", "/", "/healthz"}
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(base + paths[(i+n)%len(paths)])
				if err != nil {
					failed.Add(1)
					firstFail.CompareAndSwap(nil, err.Error())
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failed.Add(1)
					firstFail.CompareAndSwap(nil, fmt.Sprintf("%s: %s", paths[(i+n)%len(paths)], resp.Status))
					continue
				}
				served.Add(1)
			}
		}()
	}
	select {
	case <-cycleDone:
	case err := <-exited:
		close(stop)
		wg.Wait()
		t.Fatalf("watcher run exited before its first cycle: %v", err)
	case <-time.After(3 * time.Minute):
		close(stop)
		wg.Wait()
		t.Fatal("no completed cycle within 3 minutes")
	}
	close(stop)
	wg.Wait()
	if served.Load() == 0 || failed.Load() > 0 {
		t.Errorf("readers during the cycle: %d served, %d failed (first: %v)", served.Load(), failed.Load(), firstFail.Load())
	}

	resp, err := http.Get(base + "/feed.json")
	if err != nil {
		t.Fatal(err)
	}
	var feed jsonFeed
	err = json.NewDecoder(resp.Body).Decode(&feed)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	flagged := map[string]bool{}
	for _, it := range feed.Items {
		if it.Watcher != nil {
			flagged[it.Watcher.Site] = true
		}
	}
	want := 0
	for _, s := range web.Shops {
		if !s.Suspicious(at) {
			continue
		}
		want++
		if !flagged[s.URL] {
			t.Errorf("after the cycle the served feed lacks %s (items: %v)", s.URL, keys(flagged))
		}
	}
	if want == 0 {
		t.Fatal("no demo shop is suspicious on the day: the test would prove nothing")
	}
	t.Logf("%d requests served during the cycle; %d flagged shops in the feed", served.Load(), len(flagged))

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("after SIGTERM: %v, want exit 0", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("still running a minute after SIGTERM")
	}
	integrityOK(t, db)
}
