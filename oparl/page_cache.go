package oparl

import (
	"container/list"
	"context"
	"net/http"
	"strconv"
	"sync"

	"github.com/ratsinfo/ratsinfo/internal/site"
)

// pageCache keeps rendered JSON answers, each valid for the change-feed position it
// was rendered at. Every write moves the feed on, so one indexed MAX(seq) per request
// tells whether a cached answer is still exactly what rendering would give: popular
// pages and repeated sync polls then cost a lookup instead of a dozen queries. Only
// anonymous answers exist in this API, so visibility cannot differ between readers.
type pageCache struct {
	mu      sync.Mutex
	seq     int64
	entries map[string]*list.Element
	lru     *list.List // front: most recently used
	size    int64
	max     int64
}

type cachedPage struct {
	key  string
	body []byte
}

func newPageCache(maxBytes int64) *pageCache {
	return &pageCache{entries: map[string]*list.Element{}, lru: list.New(), max: maxBytes}
}

// get returns the page for key if it was rendered at seq. A newer seq empties the
// cache, since every entry is then out of date.
func (c *pageCache) get(key string, seq int64) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if seq != c.seq {
		c.resetLocked(seq)
		return nil, false
	}
	e, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cachedPage).body, true
}

// put stores body for key as rendered at seq. A body rendered at an older position
// than the cache has seen is dropped: it may already be stale.
func (c *pageCache) put(key string, seq int64, body []byte) {
	size := int64(len(body) + len(key))
	c.mu.Lock()
	defer c.mu.Unlock()
	if seq < c.seq || size > c.max/8 {
		return
	}
	if seq > c.seq {
		c.resetLocked(seq)
	}
	if e, ok := c.entries[key]; ok {
		c.size -= int64(len(e.Value.(*cachedPage).body) + len(key))
		c.lru.Remove(e)
	}
	c.entries[key] = c.lru.PushFront(&cachedPage{key: key, body: body})
	c.size += size
	for c.size > c.max {
		oldest := c.lru.Back()
		p := oldest.Value.(*cachedPage)
		c.lru.Remove(oldest)
		delete(c.entries, p.key)
		c.size -= int64(len(p.body) + len(p.key))
	}
}

func (c *pageCache) resetLocked(seq int64) {
	c.seq = seq
	c.entries = map[string]*list.Element{}
	c.lru.Init()
	c.size = 0
}

// captureWriter passes a response through and keeps a copy of its body.
type captureWriter struct {
	http.ResponseWriter
	status int
	body   []byte
}

func (w *captureWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *captureWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body = append(w.body, p...)
	return w.ResponseWriter.Write(p)
}

// serveCached answers a JSON route from the cache or renders and caches it. If the
// feed position cannot be read, it renders without the cache: a cache must never be
// the reason a request fails.
func (s *Server) serveCached(ctx context.Context, w http.ResponseWriter, r *http.Request, rt route, q *query) error {
	seq, err := s.store.LatestChange(ctx)
	if err != nil {
		if ctx.Err() == nil { // a client that hung up is no fault of the cache
			s.logger.Warn("oparl: page cache bypassed", "err", err)
		}
		return s.dispatch(ctx, w, r, rt, q)
	}
	key := r.URL.RequestURI()
	if body, ok := s.cache.get(key, seq); ok {
		site.Release(r.Context())
		h := w.Header()
		setJSONHeaders(h)
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
		return nil
	}
	cw := &captureWriter{ResponseWriter: w}
	if err := s.dispatch(ctx, cw, r, rt, q); err != nil {
		return err
	}
	if cw.status == http.StatusOK {
		s.cache.put(key, seq, cw.body)
	}
	return nil
}
