package main

import (
	"context"
	"fmt"
	"os"
)

func runBackup(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("backup", sio.errOut)
	fs.Usage = func() {
		fmt.Fprintln(sio.errOut, "usage: watcher backup FILE  (consistent online copy, safe while a crawl runs)")
		fs.PrintDefaults()
	}
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, "watcher backup FILE"); err != nil {
		return err
	}
	if _, err := os.Stat(pos[0]); err == nil {
		return fmt.Errorf("backup: %s already exists; refusing to overwrite it", pos[0])
	}
	db, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(sio.out, "backed up %s to %s\n", g.db, pos[0])
	return nil
}
