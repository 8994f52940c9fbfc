package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"maintwatch/store"
)

func runSites(ctx context.Context, g *globals, args []string, sio stdio) error {
	const usage = "watcher sites import FILE | add URL [--name N] | list [--json]"
	if len(args) == 0 {
		return usagef("usage: %s", usage)
	}
	switch args[0] {
	case "import":
		return sitesImport(ctx, g, args[1:], sio)
	case "add":
		return sitesAdd(ctx, g, args[1:], sio)
	case "list":
		return sitesList(ctx, g, args[1:], sio)
	case "-h", "--help", "-help":
		fmt.Fprintln(sio.out, "usage:", usage)
		return errHelp
	}
	return usagef("unknown sites subcommand %q; usage: %s", args[0], usage)
}

func sitesImport(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("sites import", sio.errOut)
	fs.Usage = func() {
		fmt.Fprintln(sio.errOut, "usage: watcher sites import FILE  (one URL[,name] a line, # comments)")
		fs.PrintDefaults()
	}
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, "watcher sites import FILE"); err != nil {
		return err
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("sites file: %w", err)
	}
	defer f.Close()
	sites, err := parseSitesFile(f)
	if err != nil {
		return fmt.Errorf("sites file %s: %w", pos[0], err)
	}
	db, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	added, err := db.AddSites(ctx, sites)
	if err != nil {
		return err
	}
	fmt.Fprintf(sio.out, "imported %d sites (%d new) from %s\n", len(sites), added, pos[0])
	return nil
}

func sitesAdd(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("sites add", sio.errOut)
	name := fs.String("name", "", "the shop's `name`")
	fs.Usage = func() { fmt.Fprintln(sio.errOut, "usage: watcher sites add URL [--name N]"); fs.PrintDefaults() }
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, "watcher sites add URL [--name N]"); err != nil {
		return err
	}
	u, err := checkSiteURL(pos[0])
	if err != nil {
		return usagef("%v", err)
	}
	db, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	added, err := db.AddSites(ctx, []store.SiteInput{{URL: u, Name: *name}})
	if err != nil {
		return err
	}
	if added == 0 {
		fmt.Fprintf(sio.out, "%s is already watched\n", u)
	} else {
		fmt.Fprintf(sio.out, "added %s\n", u)
	}
	return nil
}

func sitesList(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("sites list", sio.errOut)
	asJSON := fs.Bool("json", false, "print JSON")
	fs.Usage = func() { fmt.Fprintln(sio.errOut, "usage: watcher sites list [--json]"); fs.PrintDefaults() }
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, "watcher sites list [--json]"); err != nil {
		return err
	}
	db, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	sites, err := db.Sites(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(sio.out)
		enc.SetIndent("", "  ")
		if sites == nil {
			sites = []store.Site{}
		}
		return enc.Encode(sites)
	}
	tw := tabwriter.NewWriter(sio.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATE\tSCORE\tPLATFORM\tLAST CRAWL\tRESULT\tURL\tNAME")
	for _, s := range sites {
		state := string(s.Status)
		if state == "" {
			state = "-"
		}
		if s.ExtractionFailed {
			state += " (extraction failed)"
		}
		last := "never"
		if !s.LastCrawl.IsZero() {
			last = s.LastCrawl.In(jst).Format(time.DateTime)
		}
		fmt.Fprintf(tw, "%d\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\n", s.ID, state, s.Score, orDash(s.Platform), last, orDash(s.LastResult), s.URL, s.Name)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Every factor of each scored site, so a flag can be checked from the
	// terminal without opening the evidence pages.
	for _, s := range sites {
		if len(s.Factors) == 0 {
			continue
		}
		fmt.Fprintf(sio.out, "\nsite %d %s: %s %.2f\n", s.ID, s.URL, orDash(string(s.Status)), s.Score)
		for _, f := range s.Factors {
			fmt.Fprintf(sio.out, "  %+.2f  %-22s %s\n", f.Contribution, f.Name, f.Detail)
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
