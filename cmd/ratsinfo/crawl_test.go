package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// crawler walks an OParl API from its System object the way Meine Stadt Transparent
// or a journalist's script does: every body, every list, every page, every object a
// link names. It records what it saw so tests can check integrity and leaks.
type crawler struct {
	base   string // e.g. http://127.0.0.1:1234/oparl/v1.1/
	client *http.Client
	// listsOnly walks only lists and pages, as a mirror does, and keeps no bodies:
	// the benchmark's mode, where the client must not be what is measured.
	listsOnly bool
	received  int // objects received, embedded ones included

	mu       sync.Mutex
	seen     map[string]bool
	objects  map[string]map[string]any // id → object as served standalone or in a list
	bodies   map[string]string         // every JSON body fetched, by URL
	pages    int
	problems []string
}

func newCrawler(systemURL string) *crawler {
	return &crawler{
		base:    strings.TrimSuffix(systemURL, "system"),
		client:  &http.Client{},
		seen:    map[string]bool{},
		objects: map[string]map[string]any{},
		bodies:  map[string]string{},
	}
}

func (c *crawler) problem(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.problems) < 50 {
		c.problems = append(c.problems, fmt.Sprintf(format, args...))
	}
}

// get fetches u and decodes its JSON object.
func (c *crawler) get(ctx context.Context, u string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: status %d: %s", u, resp.StatusCode, raw)
	}
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
		c.problem("%s: Access-Control-Allow-Origin %q", u, got)
	}
	var obj map[string]any
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, fmt.Errorf("GET %s: %v", u, err)
	}
	if !c.listsOnly {
		c.mu.Lock()
		c.bodies[u] = string(raw)
		c.mu.Unlock()
	}
	return obj, nil
}

// run crawls everything reachable from the System object with n workers.
func (c *crawler) run(ctx context.Context, systemURL string, workers int) error {
	queue := make(chan string, 1<<16)
	var pending sync.WaitGroup
	enqueue := func(u string) {
		c.mu.Lock()
		if c.seen[u] {
			c.mu.Unlock()
			return
		}
		c.seen[u] = true
		c.mu.Unlock()
		pending.Add(1)
		select {
		case queue <- u:
		default:
			go func() { queue <- u }()
		}
	}
	var firstErr error
	var errOnce sync.Once
	for range workers {
		go func() {
			for u := range queue {
				if err := c.visit(ctx, u, enqueue); err != nil {
					errOnce.Do(func() { firstErr = err })
				}
				pending.Done()
			}
		}()
	}
	enqueue(systemURL)
	pending.Wait()
	close(queue)
	return firstErr
}

func (c *crawler) visit(ctx context.Context, u string, enqueue func(string)) error {
	obj, err := c.get(ctx, u)
	if err != nil {
		return err
	}
	if data, ok := obj["data"].([]any); ok { // a list page
		c.mu.Lock()
		c.pages++
		c.mu.Unlock()
		for _, d := range data {
			if o, ok := d.(map[string]any); ok {
				c.record(o, enqueue)
			}
		}
		if links, ok := obj["links"].(map[string]any); ok {
			if next, ok := links["next"].(string); ok {
				enqueue(next)
			}
		}
		return nil
	}
	if id, _ := obj["id"].(string); id != u {
		c.problem("fetched %s but its id is %s", u, id)
	}
	c.record(obj, enqueue)
	return nil
}

// record stores an object and enqueues every API URL it names, embedded objects included.
func (c *crawler) record(o map[string]any, enqueue func(string)) {
	if c.listsOnly {
		c.countAndFollowLists(o, enqueue)
		return
	}
	if id, ok := o["id"].(string); ok {
		c.mu.Lock()
		if _, dup := c.objects[id]; !dup || o["deleted"] == nil {
			c.objects[id] = o
		}
		c.mu.Unlock()
		enqueue(id)
	}
	for key, v := range o {
		c.walk(key, v, enqueue)
	}
}

func (c *crawler) walk(key string, v any, enqueue func(string)) {
	switch v := v.(type) {
	case string:
		if key == "id" || key == "type" || key == "web" || key == "accessUrl" || key == "downloadUrl" || key == "license" {
			return
		}
		if strings.HasPrefix(v, c.base) {
			enqueue(v)
		}
	case []any:
		for _, e := range v {
			c.walk(key, e, enqueue)
		}
	case map[string]any:
		if _, isObject := v["type"]; isObject && v["id"] != nil {
			c.record(v, enqueue)
			return
		}
		for k, e := range v {
			c.walk(k, e, enqueue)
		}
	}
}

func kindOf(o map[string]any) string {
	t, _ := o["type"].(string)
	return t[strings.LastIndex(t, "/")+1:]
}

func mustParseURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// countAndFollowLists counts o with its embedded objects and, for the System and
// bodies, follows their list URLs.
func (c *crawler) countAndFollowLists(o map[string]any, enqueue func(string)) {
	c.mu.Lock()
	c.received += countObjects(o)
	c.mu.Unlock()
	switch kindOf(o) {
	case "System":
		enqueue(o["body"].(string))
	case "Body":
		for _, key := range []string{"organization", "person", "meeting", "paper", "agendaItem",
			"consultation", "file", "locationList", "legislativeTermList", "membership"} {
			if u, ok := o[key].(string); ok {
				enqueue(u)
			}
		}
	}
}

func countObjects(v any) int {
	n := 0
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["type"].(string); ok && v["id"] != nil {
			n++
		}
		for _, e := range v {
			n += countObjects(e)
		}
	case []any:
		for _, e := range v {
			n += countObjects(e)
		}
	}
	return n
}
