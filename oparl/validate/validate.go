// Package validate checks an OParl 1.0 or 1.1 endpoint against the
// specification the way a real consumer would see it: it starts from the
// System URL only, walks every Body list page by page, dereferences every
// referenced object and reports each violation under a stable rule id with a
// German explanation.
//
// It is a pure HTTP client on purpose: it must judge foreign servers and our
// own with the same eyes, so it knows nothing about our store.
package validate

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/netguard"
)

// Options tune a validation run. The zero value is usable.
type Options struct {
	// MaxObjects stops the crawl after about this many distinct objects (it
	// is checked between pages and requests, so a page may overshoot); 0
	// means unlimited. A truncated run skips checks that need the whole
	// picture.
	MaxObjects int
	// Concurrency bounds the number of requests in flight (default 4).
	Concurrency int
	// Client is the HTTP client; nil means a client with timeouts that obeys
	// internal/netguard: the origin of the system URL the validator was given
	// may be internal (an operator validating a local server), every other
	// internal address (links and files the server names) is refused.
	Client *http.Client
	// Progress, if set, is called now and then from a single goroutine.
	Progress func(p Progress)
	// Retries is how often a failed request (network error, 429, 5xx) is
	// repeated (default 3); negative means never.
	Retries int
	// Backoff is the first retry delay, doubled per attempt (default 500ms).
	// Retry-After from the server takes precedence.
	Backoff time.Duration
	// FileSample is how many files get their accessUrl/downloadUrl headers
	// checked (default 20); negative means none.
	FileSample int
}

// Progress is a snapshot for a terminal progress line.
type Progress struct {
	Objects, Pages, Requests int
	Elapsed                  time.Duration
}

// Violation is one finding: which rule, how bad, where, and why in German.
type Violation struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	URL      string `json:"url"`
	Message  string `json:"message"`
}

// maxStoredPerRule caps the violations kept per rule so that a systematic
// defect on a big endpoint does not exhaust memory; counts stay exact.
const maxStoredPerRule = 1000

// checker holds the state of one run; Run creates one and throws it away.
type checker struct {
	opt     Options
	client  *http.Client
	sem     chan struct{}
	start   time.Time
	origin  string // scheme://host of the System; only it is crawled
	system  string
	version string // "1.0" or "1.1"
	ns      string // type namespace, e.g. https://schema.oparl.org/1.1/

	requests, pages atomic.Int64

	mu        sync.Mutex
	counts    map[string]int
	stored    map[string][]Violation
	seenViol  map[string]bool
	objects   map[string]*seen
	pending   []string // URLs still to dereference
	files     []fileRef
	nChecked  int // distinct objects checked
	truncated bool
}

// seen is what the crawl remembers about one object id.
type seen struct {
	typ, modified string
	want          string // type expected by a reference
	inList        bool   // found in a Body list
	deleted       bool   // seen as a tombstone
	ok            bool   // standalone fetch succeeded
	checked       bool   // counted in nChecked
	fetched       bool   // standalone fetch done or scheduled
	parentType    string // set when the object was seen embedded
	parent        string // id of the embedding object
	isList        bool   // the URL names a list, not an object
}

type fileRef struct{ access, download string }

// Run validates the endpoint whose System object is at systemURL. The error
// is non-nil only if the System itself is unreachable or unusable; every
// other problem is a Violation in the report.
func Run(ctx context.Context, systemURL string, opt Options) (*Report, error) {
	c, err := newChecker(systemURL, opt)
	if err != nil {
		return nil, err
	}
	stop := c.startProgress()
	defer stop()

	sys, err := c.loadSystem(ctx)
	if err != nil {
		return nil, err
	}
	c.crawl(ctx, sys)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("validate %s: %w", systemURL, err)
	}
	return c.report(), nil
}

func newChecker(systemURL string, opt Options) (*checker, error) {
	u, err := url.Parse(systemURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("validate: %q ist keine http(s)-URL", systemURL)
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = 4
	}
	if opt.Concurrency > 64 {
		opt.Concurrency = 64 // politeness: never hammer a council's server
	}
	if opt.Retries == 0 {
		opt.Retries = 3
	}
	if opt.Backoff <= 0 {
		opt.Backoff = 500 * time.Millisecond
	}
	if opt.FileSample == 0 {
		opt.FileSample = 20
	}
	client := opt.Client
	if client == nil {
		g, err := netguard.New(systemURL)
		if err != nil {
			return nil, fmt.Errorf("validate: %w", err)
		}
		client = g.Client(2*time.Minute, opt.Concurrency) // real vendor pages can take a minute
	}
	return &checker{
		opt:      opt,
		client:   client,
		sem:      make(chan struct{}, opt.Concurrency),
		start:    time.Now(),
		origin:   u.Scheme + "://" + u.Host,
		system:   systemURL,
		counts:   map[string]int{},
		stored:   map[string][]Violation{},
		seenViol: map[string]bool{},
		objects:  map[string]*seen{},
	}, nil
}

// add records a violation once per (rule, URL, message).
func (c *checker) add(ruleID, u, format string, args ...any) {
	r, ok := rules[ruleID]
	if !ok {
		panic("validate: unknown rule " + ruleID)
	}
	msg := fmt.Sprintf(format, args...)
	key := ruleID + "\x00" + u + "\x00" + msg
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seenViol[key] {
		return
	}
	c.seenViol[key] = true
	c.counts[ruleID]++
	if len(c.stored[ruleID]) < maxStoredPerRule {
		c.stored[ruleID] = append(c.stored[ruleID], Violation{ruleID, r.Severity, u, msg})
	}
}

// sameOrigin tells whether u belongs to the validated endpoint; links to
// other hosts (GND, Wikipedia, another system) are never crawled.
func (c *checker) sameOrigin(u string) bool {
	return u == c.origin || strings.HasPrefix(u, c.origin+"/") || strings.HasPrefix(u, c.origin+"?")
}

// objectCount returns the number of distinct objects seen so far.
func (c *checker) objectCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nChecked
}

// full reports whether MaxObjects is reached; it marks the run truncated.
func (c *checker) full() bool {
	if c.opt.MaxObjects <= 0 {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.nChecked >= c.opt.MaxObjects {
		c.truncated = true
		return true
	}
	return false
}

func (c *checker) startProgress() (stop func()) {
	if c.opt.Progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				c.opt.Progress(c.progress())
				return
			case <-t.C:
				c.opt.Progress(c.progress())
			}
		}
	}()
	return func() { close(done); <-finished }
}

func (c *checker) progress() Progress {
	return Progress{
		Objects:  c.objectCount(),
		Pages:    int(c.pages.Load()),
		Requests: int(c.requests.Load()),
		Elapsed:  time.Since(c.start),
	}
}
