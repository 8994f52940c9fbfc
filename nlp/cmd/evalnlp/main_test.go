package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	dev := `{"id":"a","label":"suspicious_suspension","text":"システム不具合のため、当面の間クレジットカード決済を停止しております。","kind":"positive"}
{"id":"b","label":"unrelated","text":"新商品入荷のお知らせ","kind":"negative"}
`
	if err := os.WriteFile(filepath.Join(dir, "dev.jsonl"), []byte(dev), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(&out, dir, []string{"corpus.jsonl", "dev.jsonl"}, true); err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, want := range []string{"corpus.jsonl: absent, skipped", "dev.jsonl: 2 notices", "macro-F1", "baseline (keywords)", "targets: suspicious precision 1.000 (≥ 0.95: met)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if err := run(&out, t.TempDir(), []string{"corpus.jsonl"}, false); err == nil {
		t.Error("no error when no evaluation set exists")
	}
}
