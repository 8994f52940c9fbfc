package main

import (
	"context"
	"errors"
	"fmt"

	"maintwatch/feeds/digest"
)

func runDigest(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("digest", sio.errOut)
	week := fs.String("week", "", "ISO week, YYYY-Www (default: the current week)")
	format := fs.String("format", "md", "md or html")
	fs.Usage = func() {
		fmt.Fprintln(sio.errOut, "usage: watcher digest --week YYYY-Www --format md|html")
		fs.PrintDefaults()
	}
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, "watcher digest --week YYYY-Www --format md|html"); err != nil {
		return err
	}
	if err := oneOf("format", *format, "md", "html"); err != nil {
		return err
	}
	if *week == "" {
		*week = digest.WeekOf(g.clock())
	}
	if _, err := digest.ParseWeek(*week); err != nil {
		return usageError{err.Error()}
	}
	db, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	out, err := digest.Digest(ctx, db, *week, *format, g.clock())
	if err != nil {
		if errors.Is(err, digest.ErrBadWeek) {
			return usageError{err.Error()}
		}
		return err
	}
	_, err = sio.out.Write(out)
	return err
}
