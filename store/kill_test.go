package store

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"maintwatch/judge"
)

// killChildEnv makes the test binary act as the crash victim: it writes
// crawls into the database the variable names until it is killed.
const killChildEnv = "MAINTWATCH_STORE_KILL_CHILD"

// TestCrashesLoseNothing SIGKILLs a writer process at random moments
// (during Open and migrations too) and checks after each kill that the file
// opens, passes integrity_check, holds no half-written cycle, and still has
// every notice whose SaveCrawl had returned before the kill; then that
// finishing the sequence gives the same state as an uninterrupted run.
func TestCrashesLoseNothing(t *testing.T) {
	if path := os.Getenv(killChildEnv); path != "" {
		killChild(t, path)
		return
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crash.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	var committed []int64
	maxStep := -1
	for round := range 10 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashesLoseNothing$", "-test.count=1")
		cmd.Env = append(os.Environ(), killChildEnv+"="+path)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// From 20 to 400 ms: the first rounds may die while opening.
		time.Sleep(time.Duration(20+rng.IntN(380)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: child ended before the kill: %v\n%s%s", round, err, out.String(), errb.String())
		}
		step, ids := committedIDs(out.String())
		committed = append(committed, ids...)
		maxStep = max(maxStep, step)

		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: open after kill: %v", round, err)
		}
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		consistent(t, db)
		missing := missingObservations(t, db, committed)
		if len(missing) > 0 {
			t.Fatalf("round %d: %d committed notice observations lost, e.g. %v", round, len(missing), missing[:min(5, len(missing))])
		}
		t.Logf("round %d: %d new notices committed, %d in all, all present", round, len(ids), len(committed))
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if len(committed) == 0 {
		t.Fatal("no child ever committed: the test proved nothing")
	}

	// Finish the sequence past anything a child may have committed (one
	// step can commit without being printed), and compare with an
	// uninterrupted run: replaying after a crash reaches the same state.
	end := maxStep + 3
	crashed := mustOpenPath(t, path)
	ref := mustOpen(t)
	for _, db := range []*DB{crashed, ref} {
		ids := mustSites(t, db, 3)
		for i := range end {
			if _, err := crashStep(ctx, db, ids, i); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, q := range []string{
		`SELECT site_id, hash, url, date, title, body, fetch_sha256, first_seen FROM notices ORDER BY site_id, hash`,
		`SELECT sha256, size, first_seen, last_seen, content_type FROM snapshots ORDER BY sha256`,
		`SELECT site_id, key, status, score, updated, evidence FROM episodes ORDER BY site_id, key`,
		`SELECT id, norm_url, platform, last_crawl, last_result, status, score, notices_seen FROM sites ORDER BY id`,
		`SELECT o.site_id, n.hash, o.seen, o.sha256, o.label FROM observations o JOIN notices n ON n.id = o.notice_id ORDER BY 1, 2`,
		`SELECT c.label, c.score, c.evidence, n.hash FROM classifications c JOIN notices n ON n.id = c.notice_id ORDER BY n.hash`,
	} {
		if a, b := dump(t, crashed, q), dump(t, ref, q); a != b {
			t.Errorf("after replay, %s differs:\ncrashed: %.300s\nref:     %.300s", q, a, b)
		}
	}
	t.Logf("replayed %d steps; %d notices in both", end, count(t, ref, "notices"))
}

// dump renders a query's rows as text for comparison.
func dump(t *testing.T, db *DB, q string) string {
	t.Helper()
	rows, err := db.r.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%v\n", vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// committedIDs parses the complete "committed STEP ID... end" lines of the
// child's stdout, returning the last step and every observation id; a line
// cut by the kill is ignored (its commit may or may not have happened, and
// is not claimed).
func committedIDs(out string) (last int, ids []int64) {
	last = -1
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 || fields[0] != "committed" || fields[len(fields)-1] != "end" {
			continue
		}
		step, err := strconv.Atoi(fields[1])
		if err != nil {
			continue
		}
		last = max(last, step)
		for _, f := range fields[2 : len(fields)-1] {
			if id, err := strconv.ParseInt(f, 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
	}
	return last, ids
}

func missingObservations(t *testing.T, db *DB, ids []int64) []int64 {
	t.Helper()
	var missing []int64
	for _, id := range ids {
		var n int
		if err := db.r.QueryRow(`SELECT count(*) FROM observations o JOIN notices n ON n.id = o.notice_id
			JOIN classifications c ON c.notice_id = n.id WHERE o.id = ?`, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			missing = append(missing, id)
		}
	}
	return missing
}

// killChild is the victim: it replays the same crawl sequence from the
// start (as a restarted watcher re-crawls), as fast as it can, and prints
// "committed I IDs... end" once each SaveCrawl has returned.
func killChild(t *testing.T, path string) {
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	ids := mustSites(t, db, 3)
	for i := 0; ; i++ {
		obs, err := crashStep(ctx, db, ids, i)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "committed %d", i)
		for _, o := range obs {
			fmt.Fprintf(&b, " %d", o.ID)
		}
		b.WriteString(" end\n")
		os.Stdout.WriteString(b.String()) // unbuffered: one write per commit
	}
}

// crashStep is step i of the replayed sequence: one site's crawl, then its
// episodes.
func crashStep(ctx context.Context, db *DB, ids []int64, i int) ([]judge.Observation, error) {
	site := ids[i%len(ids)]
	obs, err := db.SaveCrawl(ctx, cycle(site, i))
	if err != nil {
		return nil, err
	}
	ep := episode(fmt.Sprint("k", i/10), judge.Suspected, float64(i%100)/100, t0, t0.Add(time.Duration(i)*time.Second))
	return obs, db.SaveEpisodes(ctx, site, []judge.Episode{ep})
}
