package cycle

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"maintwatch/crawler"
	"maintwatch/crawler/extract"
	"maintwatch/judge"
	"maintwatch/nlp"
	"maintwatch/store"
)

// record turns a site report into what the store keeps, classifying every
// notice and banner parsed this cycle.
// down is the sitedown observation stillDown carried over for a maintenance
// page the crawler did not re-read (nil otherwise).
func (r *Runner) record(site store.Site, rep crawler.SiteReport, down *judge.Observation, sum *Summary) store.CrawlRecord {
	at := r.Now()
	rec := store.CrawlRecord{
		SiteID: site.ID, At: at,
		Platform: rep.Platform, PlatformVersion: rep.PlatformVersion,
		Fetches: rep.Fetches,
	}
	unchanged := len(rep.Fetches) > 0
	for _, f := range rep.Fetches {
		if f.Kind == crawler.KindRobots {
			continue
		}
		sum.Pages++
		sum.ByHTTP[f.Status]++
		if f.NotModified || f.Unchanged {
			sum.NotChanged++
		} else {
			unchanged = false
		}
	}
	sha := shaByURL(rep.Fetches)

	for _, n := range rep.Notices {
		text := strings.TrimSpace(n.Title + "\n" + n.Body)
		res := r.Classifier.Classify(text)
		sum.Labels[res.Label]++
		rec.Notices = append(rec.Notices, store.NoticeRecord{
			Notice: n, FetchSHA256: sha[n.URL], Result: res,
			Observation: judge.Observation{
				Kind: judge.KindNotice, Seen: at, Date: n.Date, URL: n.URL, SHA256: sha[n.URL],
				Title: n.Title, Text: excerpt(res, text),
				Label: res.Label, Score: res.Score, Reasons: reasons(res),
				Fingerprint: NoticeFingerprint(n.Title, n.Body),
			},
		})
	}
	if rep.TopFresh {
		rec.Observations = append(rec.Observations, r.bannerObservation(rep, at, sha, sum))
	}
	if rep.PaymentFresh && rep.Payment != nil {
		rec.Observations = append(rec.Observations, paymentObservation(rep.Payment, at, sha))
	}

	switch {
	case rep.Maintenance:
		rec.Result = "maintenance"
		text := "site answers with a maintenance page"
		switch {
		case rep.Unworded:
			text = judge.SiteDownUnworded + ": " + rep.Err
		case rep.Err != "":
			text = "site answers with a maintenance page or 503: " + rep.Err
		}
		rec.Observations = append(rec.Observations, judge.Observation{
			Kind: judge.KindSiteDown, Seen: at, URL: rep.Site, SHA256: topSHA(rep, sha),
			Text: text,
		})
	case down != nil:
		rec.Result = "maintenance"
		o := *down
		o.Seen = at
		rec.Observations = append(rec.Observations, o)
	case rep.Err != "":
		rec.Result = "error: " + rep.Err
		rec.Observations = append(rec.Observations, judge.Observation{
			Kind: judge.KindFetchErr, Seen: at, URL: rep.Site, Text: rep.ErrKind + ": " + rep.Err,
		})
	case rep.TopFresh && !rep.NewsFound && len(rep.Notices) == 0 && site.NoticesSeen > 0:
		// A shop that used to show news and now shows none has most likely
		// changed its markup: say so instead of reporting "no news".
		rec.Result = "extraction_failed"
		rec.ExtractionFailed = true
		rec.Observations = append(rec.Observations, judge.Observation{
			Kind: judge.KindNoNews, Seen: at, URL: rep.Site,
			Text: fmt.Sprintf("no news found; %d notices were read from this site before", site.NoticesSeen),
		})
	case unchanged:
		rec.Result = "unchanged"
	default:
		rec.Result = "ok"
	}
	rec.Observations = append(rec.Observations, judge.Observation{Kind: judge.KindCrawl, Seen: at, URL: rep.Site, Text: rec.Result})
	return rec
}

func (r *Runner) bannerObservation(rep crawler.SiteReport, at time.Time, sha map[string]string, sum *Summary) judge.Observation {
	o := judge.Observation{Kind: judge.KindBanner, Seen: at, URL: rep.Site, SHA256: sha[rep.Site]}
	if len(rep.Banners) == 0 {
		return o // no banner this cycle: lets the judge see it is gone
	}
	texts := make([]string, 0, len(rep.Banners))
	for _, b := range rep.Banners {
		texts = append(texts, b.Text)
	}
	text := strings.Join(texts, "\n")
	res := r.Classifier.Classify(text)
	sum.Labels[res.Label]++
	o.Text, o.Label, o.Score, o.Reasons = excerpt(res, text), res.Label, res.Score, reasons(res)
	o.Fingerprint = Fingerprint(text)
	return o
}

func paymentObservation(p *extract.Payment, at time.Time, sha map[string]string) judge.Observation {
	o := judge.Observation{Kind: judge.KindPayment, Seen: at, URL: p.URL, SHA256: sha[p.URL]}
	var names []string
	for _, m := range p.Methods {
		if !m.Card {
			o.OtherMethods = true
		}
		name := m.Name
		if m.Suspended && !strings.Contains(name, "停止") {
			name += " (停止中)"
		}
		names = append(names, name)
	}
	o.CardAvailable = p.CardOffered && !p.CardSuspended
	// The page marks every card method it lists 停止中: a signal even on
	// the first sighting (a page that simply lists no card is not one).
	o.CardSuspended = p.CardOffered && p.CardSuspended
	if o.CardSuspended {
		// The store keeps no column for it: the reason carries it through
		// (restoreCardSuspended), and it is the evidence's honest label.
		o.Reasons = []nlp.Reason{nlp.ReasonCardStop}
	}
	o.Text = "お支払い方法: " + strings.Join(names, " / ")
	return o
}

// restoreCardSuspended sets CardSuspended again on payment observations read
// back from the store, which records it only as the CARD_STOP reason.
func restoreCardSuspended(obs []judge.Observation) {
	for i := range obs {
		o := &obs[i]
		if o.Kind == judge.KindPayment && !o.CardAvailable && slices.Contains(o.Reasons, nlp.ReasonCardStop) {
			o.CardSuspended = true
		}
	}
}

func shaByURL(fs []crawler.Fetch) map[string]string {
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		if f.SHA256 != "" {
			m[f.URL] = f.SHA256
			if f.FinalURL != "" {
				m[f.FinalURL] = f.SHA256
			}
		}
	}
	return m
}

func reasons(res nlp.Result) []nlp.Reason {
	var out []nlp.Reason
	seen := map[nlp.Reason]bool{}
	for _, e := range res.Evidence {
		if !seen[e.Reason] {
			seen[e.Reason] = true
			out = append(out, e.Reason)
		}
	}
	return out
}

// excerptMax bounds the evidence excerpt kept per observation.
const excerptMax = 600

// excerpt is the text shown as evidence: the deciding sentences when the
// classifier found some, else the start of the notice.
func excerpt(res nlp.Result, text string) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, e := range res.Evidence {
		if seen[e.Text] {
			continue
		}
		seen[e.Text] = true
		if b.Len() > 0 {
			b.WriteString(" … ")
		}
		b.WriteString(e.Text)
	}
	out := b.String()
	if out == "" {
		out = text
	}
	return truncateRunes(out, excerptMax)
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Fingerprint identifies a wording across shops: NFKC, letters and digits
// only, so spacing, punctuation and markup differences do not hide that two
// shops relay the same provider notice. Dates and numbers stay: a provider's
// notice carries the same window on every shop.
func Fingerprint(s string) string {
	return hashLetters(letters(s))
}

// bodyPrint is how many letters and digits a notice's body needs (once a
// repeated title is cut from its start) to identify the wording alone.
const bodyPrint = 30

// NoticeFingerprint identifies a notice's wording across shops. A body long
// enough to identify it is used alone: the same provider notice relayed by
// shops on different platforms comes out with titles that differ (the shop's
// name before it from a detail page's <title>, the list's title or the
// page's heading) and sometimes with the title repeated at the start of the
// body, while the relayed text itself is the same. So a leading copy of the
// title (or of its end, when the shop's name came before it) is cut from the
// body first. A short body is no wording of its own ("詳細は下記をご覧
// ください"): then the title counts with it, as it always did.
func NoticeFingerprint(title, body string) string {
	t, b := letters(title), letters(body)
	b = cutLeadingTitle(b, t)
	if len(b) >= bodyPrint {
		return hashLetters(b)
	}
	return hashLetters(append(b, t...))
}

// cutLeadingTitle removes from the start of body the title, or its longest
// ending of at least 8 letters (a title the extractor read with the shop's
// name before it).
func cutLeadingTitle(body, title []rune) []rune {
	const minCut = 8
	for k := len(title); k >= minCut; k-- {
		if k <= len(body) && slices.Equal(body[:k], title[len(title)-k:]) {
			return body[k:]
		}
	}
	return body
}

// letters is s after NFKC, lower-cased, letters and digits only.
func letters(s string) []rune {
	s = norm.NFKC.String(s)
	out := make([]rune, 0, len(s)/3)
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

func hashLetters(rs []rune) string {
	if len(rs) == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(string(rs)))
	return hex.EncodeToString(sum[:12])
}
