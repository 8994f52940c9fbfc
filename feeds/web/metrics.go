package web

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"maintwatch/judge"
)

// metrics exports the number of flagged sites by status, computed at scrape
// time from the store so it is never stale.
type metrics struct {
	src     Source
	flagged *prometheus.Desc
	errors  prometheus.Counter
}

func registerMetrics(src Source, reg prometheus.Registerer) error {
	m := &metrics{
		src: src,
		flagged: prometheus.NewDesc("maintwatch_flagged_sites",
			"Sites whose latest episode has this status (resolved: the latest episode was resolved).",
			[]string{"status"}, nil),
		errors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "maintwatch_metrics_store_errors_total",
			Help: "Scrapes whose store query failed.",
		}),
	}
	if err := reg.Register(m); err != nil {
		var are prometheus.AlreadyRegisteredError
		if !errors.As(err, &are) {
			return fmt.Errorf("web: register metrics: %w", err)
		}
		// A second server on the same registry: the first one's collector
		// already reports the same store.
	}
	return nil
}

// Describe implements prometheus.Collector.
func (m *metrics) Describe(ch chan<- *prometheus.Desc) {
	ch <- m.flagged
	m.errors.Describe(ch)
}

// Collect implements prometheus.Collector.
func (m *metrics) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	counts := map[judge.Status]int{judge.Suspected: 0, judge.Escalated: 0, judge.ConfirmedLeak: 0, judge.Resolved: 0}
	latest, err := latestPerSite(ctx, m.src)
	if err != nil {
		m.errors.Inc()
	} else {
		for _, e := range latest {
			counts[e.Status]++
		}
		for st, n := range counts {
			ch <- prometheus.MustNewConstMetric(m.flagged, prometheus.GaugeValue, float64(n), string(st))
		}
	}
	m.errors.Collect(ch)
}
