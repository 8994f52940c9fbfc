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
// every notice whose SaveCrawl had returned before the kill.
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
		ids := committedIDs(out.String())
		committed = append(committed, ids...)

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
		t.Logf("round %d: %d notices committed this round, %d in all, all present", round, len(ids), len(committed))
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if len(committed) == 0 {
		t.Fatal("no child ever committed: the test proved nothing")
	}
}

// committedIDs parses the complete "committed ID ID" lines of the child's
// stdout; a line cut by the kill is ignored (its commit may or may not
// have happened, and is not claimed).
func committedIDs(out string) []int64 {
	var ids []int64
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[0] != "committed" || fields[len(fields)-1] != "end" {
			continue
		}
		for _, f := range fields[1 : len(fields)-1] {
			if id, err := strconv.ParseInt(f, 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
	}
	return ids
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

// killChild is the victim: it writes crawls and episodes as fast as it can
// and prints the observation ids of each SaveCrawl once it has returned.
func killChild(t *testing.T, path string) {
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	ids := mustSites(t, db, 3)
	base := os.Getpid() * 100000 // unique notices across children
	for i := 0; ; i++ {
		site := ids[i%len(ids)]
		obs, err := db.SaveCrawl(ctx, cycle(site, base+i))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		var b strings.Builder
		b.WriteString("committed")
		for _, o := range obs {
			fmt.Fprintf(&b, " %d", o.ID)
		}
		b.WriteString(" end\n")
		os.Stdout.WriteString(b.String()) // unbuffered: one write per commit
		ep := episode("k", judge.Suspected, 0.5, t0, t0.Add(time.Duration(i)*time.Second))
		if err := db.SaveEpisodes(ctx, site, []judge.Episode{ep}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
}
