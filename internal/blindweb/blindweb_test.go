package blindweb

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestBlindWebShort runs a few shops over a few days; it always runs.
func TestBlindWebShort(t *testing.T) {
	shops, days := shortShops()
	r := runWeb(t, shops, days)
	r.log(t)
	r.assertContract(t)
	r.assertScores(t, nil)
}

// TestBlindWeb runs the whole web over 60 days; MAINTWATCH_BLINDWEB=1.
func TestBlindWeb(t *testing.T) {
	if os.Getenv("MAINTWATCH_BLINDWEB") == "" {
		t.Skip("set MAINTWATCH_BLINDWEB=1 for the whole blind web (about 40 shops, 60 days)")
	}
	days := make([]int, 60)
	for i := range days {
		days[i] = i
	}
	r := runWeb(t, newShops(), days)
	r.log(t)
	r.assertContract(t)
	r.assertScores(t, knownWrong)
}

// knownWrong are the (shop, day) pairs the whole web still gets wrong, each
// left for a reason README.md gives; any other wrong pair fails the test.
var knownWrong = map[string]string{
	"s06 14": "payment page alone waits a second cycle (design)",
	"s07 21": "payment page alone waits a second cycle (design)",
	"i08 19": "classifier calls the error-code outage notice suspicious (handed to nlp)",
}

var (
	buildOnce sync.Once
	buildPath string
	buildErr  error
)

// watcherBinary builds cmd/watcher once per test process.
func watcherBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		dir, err := os.MkdirTemp("", "blindweb-bin")
		if err != nil {
			buildErr = err
			return
		}
		buildPath = filepath.Join(dir, "watcher")
		cmd := exec.Command("go", "build", "-o", buildPath, "./cmd/watcher")
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildPath
}

// report is what one run measured.
type report struct {
	shops []*shop
	days  []int
	// flagged[day][topURL] = status of the latest item when flagged
	flagged  map[int]map[string]string
	problems []string // contract problems: exit codes, unparsable output, escaping, robots
	listed   map[int]int
	lastList []map[string]any
	crawlDur []time.Duration
}

type feedItem struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	ContentHTML   string `json:"content_html"`
	ContentText   string `json:"content_text"`
	DatePublished string `json:"date_published"`
	DateModified  string `json:"date_modified"`
	Watcher       *struct {
		Site         string  `json:"site"`
		Status       string  `json:"status"`
		Score        float64 `json:"score"`
		FirstFlagged string  `json:"first_flagged"`
		Evidence     []struct {
			URL  string `json:"url"`
			Text string `json:"text"`
			Seen string `json:"seen"`
		} `json:"evidence"`
	} `json:"_watcher"`
}

type jsonFeed struct {
	Version string     `json:"version"`
	Items   []feedItem `json:"items"`
}

func runWeb(t *testing.T, shops []*shop, days []int) *report {
	bin := watcherBinary(t)
	w := &web{shops: shops}
	w.start()
	defer w.close()
	dir := t.TempDir()
	db := filepath.Join(dir, "blind.db")
	var sites strings.Builder
	sites.WriteString("# blind web\n\n")
	for _, s := range shops {
		fmt.Fprintf(&sites, "%s,%s\n", s.topURL, s.name)
	}
	sitesFile := filepath.Join(dir, "sites.txt")
	if err := os.WriteFile(sitesFile, []byte(sites.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &report{shops: shops, days: days, flagged: map[int]map[string]string{}, listed: map[int]int{}}
	watcher := func(day int, args ...string) ([]byte, []byte, int) {
		full := append([]string{"--db", db, "--now", dayTime(day).Format("2006-01-02"), "--allow-private"}, args...)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, full...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if err != nil {
			code = -1
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			}
		}
		return out.Bytes(), errb.Bytes(), code
	}
	check := func(day int, what string, stderr []byte, code int) bool {
		if code != 0 {
			r.problems = append(r.problems, fmt.Sprintf("day %d: %s exited %d: %s", day, what, code, lastLine(stderr)))
			return false
		}
		return true
	}
	_, se, code := watcher(days[0], "sites", "import", sitesFile)
	if !check(days[0], "sites import", se, code) {
		t.Fatalf("%v", r.problems)
	}
	byURL := map[string]*shop{}
	for _, s := range shops {
		byURL[s.topURL] = s
	}
	for _, d := range days {
		w.day.Store(int64(d))
		start := time.Now()
		_, se, code := watcher(d, "crawl", "--delay", "20ms")
		r.crawlDur = append(r.crawlDur, time.Since(start))
		check(d, "crawl", se, code)

		out, se, code := watcher(d, "sites", "list", "--json")
		if check(d, "sites list --json", se, code) {
			var list []map[string]any
			if err := json.Unmarshal(out, &list); err != nil {
				var wrap map[string]any
				if err2 := json.Unmarshal(out, &wrap); err2 == nil {
					for _, v := range wrap {
						if arr, ok := v.([]any); ok {
							for _, x := range arr {
								if m, ok := x.(map[string]any); ok {
									list = append(list, m)
								}
							}
						}
					}
				} else {
					r.problems = append(r.problems, fmt.Sprintf("day %d: sites list --json is not JSON: %v", d, err))
				}
			}
			r.listed[d] = len(list)
			r.lastList = list
			if len(list) != len(shops) {
				r.problems = append(r.problems, fmt.Sprintf("day %d: sites list --json lists %d sites, want %d", d, len(list), len(shops)))
			}
		}

		out, se, code = watcher(d, "feed", "--format", "json")
		r.flagged[d] = map[string]string{}
		if check(d, "feed --format json", se, code) {
			var f jsonFeed
			if err := json.Unmarshal(out, &f); err != nil {
				r.problems = append(r.problems, fmt.Sprintf("day %d: feed is not JSON: %v", d, err))
				continue
			}
			if !strings.Contains(f.Version, "jsonfeed.org/version/1.1") {
				r.problems = append(r.problems, fmt.Sprintf("day %d: feed version %q", d, f.Version))
			}
			for _, it := range f.Items {
				if hasScript(it.ContentHTML) {
					r.problems = append(r.problems, fmt.Sprintf("day %d: content_html of %s carries a script unescaped", d, it.ID))
				}
			}
			for site, st := range latestStatus(f.Items) {
				if byURL[site] == nil {
					r.problems = append(r.problems, fmt.Sprintf("day %d: feed names site %q, not a URL as imported", d, site))
				}
				if st == "suspected" || st == "escalated" || st == "confirmed_leak" {
					r.flagged[d][site] = st
				}
			}
		}
	}
	last := days[len(days)-1]
	for _, format := range []string{"rss", "atom"} {
		out, se, code := watcher(last, "feed", "--format", format)
		if check(last, "feed --format "+format, se, code) {
			if p := xmlScript(out); p != "" {
				r.problems = append(r.problems, fmt.Sprintf("%s feed: %s", format, p))
			}
		}
	}
	for _, s := range shops {
		if !s.robots {
			continue
		}
		for _, q := range s.reqs {
			p := strings.SplitN(q, " ", 2)[1]
			if strings.HasPrefix(p, "/cart") || strings.HasPrefix(p, "/shop/cart") {
				r.problems = append(r.problems, fmt.Sprintf("%s: fetched %s, disallowed by robots.txt", s.key, p))
				break
			}
		}
	}
	return r
}

// latestStatus maps each site to the status of its latest item: the one
// with the latest date_modified (else date_published); on a tie, the first
// in feed order.
func latestStatus(items []feedItem) map[string]string {
	type best struct {
		t  time.Time
		st string
	}
	m := map[string]best{}
	for _, it := range items {
		if it.Watcher == nil {
			continue
		}
		ts := it.DateModified
		if ts == "" {
			ts = it.DatePublished
		}
		tm, _ := time.Parse(time.RFC3339, ts)
		b, ok := m[it.Watcher.Site]
		if !ok || tm.After(b.t) {
			m[it.Watcher.Site] = best{tm, it.Watcher.Status}
		}
	}
	out := map[string]string{}
	for k, v := range m {
		out[k] = v.st
	}
	return out
}

// xmlScript decodes every character-data value of an XML feed (what a feed
// reader renders as HTML) and reports one that carries a script.
func xmlScript(b []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		if cd, ok := tok.(xml.CharData); ok && hasScript(string(cd)) {
			return "carries " + firstRunes(strings.TrimSpace(string(cd)), 120)
		}
	}
}

func lastLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return firstRunes(s, 300)
}

type wrong struct {
	shop     *shop
	day      int
	expected bool
	status   string
}

func (r *report) score() (tp, fp, fn, tn int, wrongs []wrong, onTime, suspicious int, late []string) {
	for _, d := range r.days {
		for _, s := range r.shops {
			want := s.suspicious() && d >= s.signal
			st, got := r.flagged[d][s.topURL]
			switch {
			case want && got:
				tp++
			case want && !got:
				fn++
				wrongs = append(wrongs, wrong{s, d, true, ""})
			case !want && got:
				fp++
				wrongs = append(wrongs, wrong{s, d, false, st})
			default:
				tn++
			}
		}
	}
	for _, s := range r.shops {
		if !s.suspicious() {
			continue
		}
		first := -1
		for _, d := range r.days {
			if d >= s.signal {
				first = d
				break
			}
		}
		if first < 0 {
			continue
		}
		suspicious++
		if _, ok := r.flagged[first][s.topURL]; ok {
			onTime++
		} else {
			late = append(late, fmt.Sprintf("%s (%s, signal day %d)", s.key, s.kind, s.signal))
		}
	}
	return
}

func (r *report) log(t *testing.T) {
	tp, fp, fn, tn, wrongs, onTime, susp, late := r.score()
	prec, rec := ratio(tp, tp+fp), ratio(tp, tp+fn)
	var total time.Duration
	for _, d := range r.crawlDur {
		total += d
	}
	t.Logf("blind web: %d shops (%d suspicious), %d days, %d site-days; crawl %.1f s in all",
		len(r.shops), susp, len(r.days), len(r.shops)*len(r.days), total.Seconds())
	t.Logf("site-days: TP %d FP %d FN %d TN %d; precision %.3f recall %.3f", tp, fp, fn, tn, prec, rec)
	t.Logf("on time (flagged on the first crawl after the first signal): %d/%d", onTime, susp)
	for _, l := range late {
		t.Logf("  late: %s", l)
	}
	innocentFlagged := map[string][]int{}
	missed := map[string][]int{}
	for _, w := range wrongs {
		if w.expected {
			missed[w.shop.key] = append(missed[w.shop.key], w.day)
		} else {
			innocentFlagged[w.shop.key+" "+w.status] = append(innocentFlagged[w.shop.key+" "+w.status], w.day)
		}
	}
	byKey := map[string]*shop{}
	for _, s := range r.shops {
		byKey[s.key] = s
	}
	for _, k := range sortedKeys(missed) {
		t.Logf("  missed %s (%s, signal day %d): days %s", k, byKey[k].kind, byKey[k].signal, spans(missed[k]))
	}
	for _, k := range sortedKeys(innocentFlagged) {
		key := strings.Fields(k)[0]
		s := byKey[key]
		what := "innocent"
		if s.suspicious() {
			what = fmt.Sprintf("before its signal day %d", s.signal)
		}
		t.Logf("  false flag %s (%s, %s): days %s", k, s.kind, what, spans(innocentFlagged[k]))
	}
	for _, p := range r.problems {
		t.Logf("  problem: %s", p)
	}
	// The last day's sites list for every wrongly judged shop, to find causes.
	for _, k := range append(sortedKeys(missed), sortedKeys(innocentFlagged)...) {
		key := strings.Fields(k)[0]
		for _, e := range r.lastList {
			if e["url"] == byKey[key].topURL || e["URL"] == byKey[key].topURL {
				b, _ := json.Marshal(e)
				t.Logf("  last sites list of %s: %s", key, firstRunes(string(b), 600))
			}
		}
	}
}

func (r *report) assertContract(t *testing.T) {
	for _, p := range r.problems {
		t.Errorf("contract: %s", p)
	}
}

// assertScores fails on every wrong (site, day) but the known ones, and on a
// suspicious shop flagged late unless its signal day is a known miss.
func (r *report) assertScores(t *testing.T, known map[string]string) {
	_, _, _, _, wrongs, _, _, late := r.score()
	for _, w := range wrongs {
		k := fmt.Sprintf("%s %d", w.shop.key, w.day)
		if _, ok := known[k]; ok {
			continue
		}
		if w.expected {
			t.Errorf("%s (%s) not flagged on day %d", w.shop.key, w.shop.kind, w.day)
		} else {
			t.Errorf("%s (%s) flagged %s on day %d", w.shop.key, w.shop.kind, w.status, w.day)
		}
	}
	for _, l := range late {
		key := strings.Fields(l)[0]
		ok := false
		for k := range known {
			if strings.HasPrefix(k, key+" ") {
				ok = true
			}
		}
		if !ok {
			t.Errorf("late: %s", l)
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// spans writes sorted days as ranges: 3-7,9.
func spans(ds []int) string {
	sort.Ints(ds)
	var parts []string
	for i := 0; i < len(ds); {
		j := i
		for j+1 < len(ds) && ds[j+1] == ds[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, fmt.Sprint(ds[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", ds[i], ds[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}
