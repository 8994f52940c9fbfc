package crawler

import (
	"context"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestGateOneAtATime(t *testing.T) {
	g := newGates(0, 0)
	var in, maxIn atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := g.acquire(context.Background(), "shop.example:443")
			if err != nil {
				t.Error(err)
				return
			}
			if v := in.Add(1); v > maxIn.Load() {
				maxIn.Store(v)
			}
			time.Sleep(100 * time.Microsecond)
			in.Add(-1)
			release(time.Time{})
		}()
	}
	wg.Wait()
	if maxIn.Load() != 1 {
		t.Errorf("%d holders at once, want 1", maxIn.Load())
	}
}

func TestGateNotBefore(t *testing.T) {
	g := newGates(0, 0)
	release, _ := g.acquire(context.Background(), "h")
	wait := 30 * time.Millisecond
	release(time.Now().Add(wait))
	start := time.Now()
	release, _ = g.acquire(context.Background(), "h")
	release(time.Time{})
	if got := time.Since(start); got < wait-time.Millisecond {
		t.Errorf("second acquire after %v, want ≥ %v (Retry-After/backoff keeps the gate shut)", got, wait)
	}
	// Another host is not held up.
	other, _ := g.acquire(context.Background(), "other")
	other(time.Time{})
}

func TestGateCancel(t *testing.T) {
	g := newGates(time.Hour, 0)
	release, _ := g.acquire(context.Background(), "h")
	release(time.Time{}) // next request on h not before an hour from now
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := g.acquire(ctx, "h"); err == nil {
		t.Error("acquire on a cancelled context waited instead of failing")
	}
	// The cancelled waiter must not have kept the slot.
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel2()
	if _, err := g.acquire(ctx2, "h"); err == nil {
		t.Error("the hour's delay was not honoured")
	}
}

func TestSchedule(t *testing.T) {
	sites := []string{
		"http://a.example/", "http://b.example/x/", "http://A.example/shop2/",
		"http://b.example:8080/", "not a url", "http://b.example/y/", "http://b.example/z/",
	}
	s := newSchedule(sites)
	// Four workers take what is ready: one site of each host, in turn order.
	var got []string
	var held []string
	for range 4 {
		site, host, ok := s.next()
		if !ok {
			t.Fatal("schedule ran dry early")
		}
		got, held = append(got, site), append(held, host)
	}
	want := []string{"http://a.example/", "http://b.example/x/", "http://b.example:8080/", "not a url"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("first round %q, want %q (one site per host)", got, want)
	}
	// Nothing is ready while a.example and b.example are held.
	readyNow := make(chan [2]string, 1)
	go func() { site, host, _ := s.next(); readyNow <- [2]string{site, host} }()
	select {
	case got := <-readyNow:
		t.Fatalf("handed out %s while its host was busy", got[0])
	case <-time.After(20 * time.Millisecond):
	}
	s.done(held[1]) // b.example finishes a site: its next one is ready
	got2 := <-readyNow
	if got2[0] != "http://b.example/y/" {
		t.Errorf("after b.example was released: %s", got2[0])
	}
	for _, h := range []string{held[0], held[2], held[3], got2[1]} {
		s.done(h)
	}
	var rest []string
	for {
		site, host, ok := s.next()
		if !ok {
			break
		}
		rest = append(rest, site)
		s.done(host)
	}
	if want := []string{"http://A.example/shop2/", "http://b.example/z/"}; !reflect.DeepEqual(rest, want) {
		t.Errorf("the rest %q, want %q", rest, want)
	}
}
