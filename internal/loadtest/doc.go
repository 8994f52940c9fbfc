// Package loadtest holds the tests that measure maintwatch as a whole
// process: readers of the feeds and site pages against crawl cycles writing
// the same SQLite database (load_test.go), and the memory of one cycle with
// the dictionary loaded (memory_test.go). It has no code of its own; the
// tests drive the real crawler, classifier, store and web server, with the
// shops and the readers in child processes (children_test.go).
//
//	go test -run TestLoad -v ./internal/loadtest                       # small (CI)
//	MAINTWATCH_LOAD=full go test -run TestLoad -v ./internal/loadtest  # make load
//	go test -run '^$' -bench CycleMemory ./internal/loadtest           # part of make bench
package loadtest
