//go:build race

package loadtest

// raceEnabled: the race detector slows the crawl about tenfold, so CI's run
// (make test is -race) uses a smaller web and fewer clients.
const raceEnabled = true
