package store

import (
	"context"
	"errors"
	"testing"
)

func TestNormalizeURL(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{in: "https://Shop.Example/", want: "https://shop.example/"},
		{in: "HTTPS://SHOP.example:443/News/?a=1#top", want: "https://shop.example/News/?a=1"},
		{in: "http://shop.example:80", want: "http://shop.example/"},
		{in: "http://shop.example:8080/x", want: "http://shop.example:8080/x"},
		{in: "https://shop.example:80/", want: "https://shop.example:80/"},
		{in: "  http://[::1]:80/a  ", want: "http://[::1]/a"},
		{in: "ftp://shop.example/", err: "not http or https"},
		{in: "shop.example", err: "not http or https"},
		{in: "https:///path", err: "no host"},
		{in: "https://u:p@shop.example/", err: "credentials"},
		{in: "http://a b/", err: "bad URL"},
	} {
		got, err := NormalizeURL(tc.in)
		if tc.err != "" {
			wantErrContains(t, err, tc.err)
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("NormalizeURL(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestAddSitesIdempotent(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	in := []SiteInput{
		{URL: "https://a.example/", Name: "A店"},
		{URL: "https://B.example", Name: "B店"},
		{URL: "https://a.example:443/#x", Name: "A again"}, // same as the first
	}
	n, err := db.AddSites(ctx, in)
	if err != nil || n != 2 {
		t.Fatalf("AddSites = %d, %v; want 2", n, err)
	}
	n, err = db.AddSites(ctx, in)
	if err != nil || n != 0 {
		t.Fatalf("second AddSites = %d, %v; want 0", n, err)
	}
	sites, err := db.Sites(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sites) != 2 || sites[0].URL != "https://a.example/" || sites[0].Name != "A店" ||
		sites[1].URL != "https://B.example" || sites[0].ID >= sites[1].ID {
		t.Fatalf("sites = %+v", sites)
	}
	if sites[0].AddedAt.IsZero() || sites[0].Status != "" || sites[0].LastCrawl.IsZero() == false {
		t.Errorf("new site state = %+v", sites[0])
	}
	s, err := db.Site(ctx, sites[1].ID)
	if err != nil || s.Name != "B店" {
		t.Fatalf("Site = %+v, %v", s, err)
	}
	s, err = db.SiteByURL(ctx, "HTTPS://b.EXAMPLE:443/")
	if err != nil || s.ID != sites[1].ID {
		t.Fatalf("SiteByURL = %+v, %v", s, err)
	}
	if _, err := db.Site(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Site(999) error = %v, want ErrNotFound", err)
	}
	if _, err := db.SiteByURL(ctx, "https://zzz.example/"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SiteByURL error = %v, want ErrNotFound", err)
	}
}

func TestAddSitesAtomic(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	_, err := db.AddSites(ctx, []SiteInput{
		{URL: "https://a.example/"}, {URL: "https://b.example/"}, {URL: "javascript:alert(1)"},
	})
	wantErrContains(t, err, "site 3")
	if n := count(t, db, "sites"); n != 0 {
		t.Fatalf("half-imported: %d sites stored", n)
	}
	// A failure inside the transaction (a cancelled context mid-way) also
	// leaves nothing behind.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := db.AddSites(cctx, []SiteInput{{URL: "https://a.example/"}}); err == nil {
		t.Fatal("AddSites with a cancelled context succeeded")
	}
	if n := count(t, db, "sites"); n != 0 {
		t.Fatalf("%d sites stored after a failed AddSites", n)
	}
}
