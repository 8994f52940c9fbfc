package crawler

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		ip     string
		public bool
	}{
		{"8.8.8.8", true},
		{"133.242.0.1", true},
		{"2001:4860:4860::8888", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false},
		{"100.64.0.1", false},    // CGNAT
		{"100.127.255.1", false}, // CGNAT
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
		{"fc00::1", false},
		{"fd00:ec2::254", false},
		{"fe80::1", false},
		{"ff02::1", false},
		{"::", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"64:ff9b::a00:1", false},
		{"2002:7f00:1::", false},
	}
	for _, tt := range tests {
		if got := publicAddr(netip.MustParseAddr(tt.ip)); got != tt.public {
			t.Errorf("publicAddr(%s) = %v, want %v", tt.ip, got, tt.public)
		}
	}
}

func TestDialControl(t *testing.T) {
	tests := []struct {
		addr         string
		allowPrivate bool
		ok           bool
	}{
		{"93.184.215.14:443", false, true},
		{"127.0.0.1:80", false, false},
		{"[::1]:443", false, false},
		{"10.0.0.5:80", false, false},
		{"127.0.0.1:80", true, true},
		{"10.0.0.5:80", true, true},
		{"100.100.100.100:80", true, true},
		{"[fd12::1]:80", true, true},
		{"169.254.169.254:80", true, false}, // metadata: never
		{"[fe80::1]:80", true, false},
		{"0.0.0.0:80", true, false},
		{"224.0.0.1:80", true, false},
		{"not-an-address", true, false},
	}
	for _, tt := range tests {
		err := dialControl(tt.allowPrivate)("tcp", tt.addr, nil)
		if ok := err == nil; ok != tt.ok {
			t.Errorf("dial %s (allowPrivate=%v): err %v, want ok=%v", tt.addr, tt.allowPrivate, err, tt.ok)
		}
		if err != nil && !errors.Is(err, errPrivate) {
			t.Errorf("dial %s: %v does not wrap errPrivate", tt.addr, err)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"Mon, 01 Jun 2026 12:00:30 GMT", 30 * time.Second, true},
		{"Mon, 01 Jun 2026 11:00:00 GMT", 0, true},
		{"-5", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "Mon, 01 Jun 2026 12:00:30 GMT", "-1", "99999999999999999999", "Sunday, 06-Nov-94 08:49:37 GMT", ""} {
		f.Add(s)
	}
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := parseRetryAfter(v, now)
		if d < 0 || (!ok && d != 0) {
			t.Fatalf("parseRetryAfter(%q) = %v, %v", v, d, ok)
		}
	})
}

func TestRefusalMessage(t *testing.T) {
	err := dialControl(true)("tcp", "169.254.169.254:80", nil)
	kind, msg := classify(err)
	if kind != ErrPrivate || !strings.Contains(msg, "169.254.169.254") || strings.Contains(msg, "--allow-private") {
		t.Errorf("link-local refusal: %s %q", kind, msg)
	}
	err = dialControl(false)("tcp", "127.0.0.1:80", nil)
	if kind, msg := classify(err); kind != ErrPrivate || !strings.Contains(msg, "--allow-private") {
		t.Errorf("loopback refusal: %s %q", kind, msg)
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /cart/\nCrawl-delay: 2\n"), "/news/?mode=f1")
	f.Add([]byte("User-agent: maintwatch\nDisallow: /*.php$\nAllow: /\n"), "/index.php")
	f.Add([]byte("\x00\xff<html>Disallow\n:::: \x1b"), "/")
	f.Add([]byte("User-agent: *\nCrawl-delay: 1e12\n"), "/")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		data, _ := parseRobots(body)
		g := data.FindGroup(productToken(DefaultUserAgent()))
		g.Test(path)
		if d := crawlDelay(g.CrawlDelay); d < 0 || d > maxCrawlDelay {
			t.Fatalf("Crawl-delay %v used as %v", g.CrawlDelay, d)
		}
	})
}
