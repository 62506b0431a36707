package site

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Limiter bounds how many requests build a response at once, across the
// surfaces that share it (the website and OParl). A request holds a slot while it
// reads the database and renders into a buffer, and gives it back before it
// writes: a client that does not read then holds a finished buffer, never a slot,
// and a crowd cannot make the server build more pages at once than it has slots.
// When every slot is taken, a request waits a short time and is then refused with
// 503 and Retry-After, which costs almost nothing.
type Limiter struct {
	slots chan struct{}
	wait  time.Duration
}

// DefaultRenders is the default number of slots: enough to keep every core busy
// while some requests wait for the database.
func DefaultRenders() int { return 4 * runtime.GOMAXPROCS(0) }

// DefaultRenderWait is how long a request waits for a slot before it is refused.
const DefaultRenderWait = 2 * time.Second

// NewLimiter returns a limiter with n slots (n < 1: DefaultRenders) where a
// request waits at most wait (wait <= 0: DefaultRenderWait) for a slot.
func NewLimiter(n int, wait time.Duration) *Limiter {
	if n < 1 {
		n = DefaultRenders()
	}
	if wait <= 0 {
		wait = DefaultRenderWait
	}
	return &Limiter{slots: make(chan struct{}, n), wait: wait}
}

// slot is one taken slot; release is idempotent, so that the early release
// before writing and the deferred one at the end of the request can both run.
type slot struct {
	once sync.Once
	l    *Limiter
}

func (s *slot) release() { s.once.Do(func() { <-s.l.slots }) }

type slotKey struct{}

// Acquire takes a slot for r, waiting at most the limiter's wait. It returns the
// request with the slot in its context (for Release) and the function that gives
// the slot back; ok is false when no slot became free in time or the client went
// away, and then nothing is held.
func (l *Limiter) Acquire(r *http.Request) (_ *http.Request, release func(), ok bool) {
	select {
	case l.slots <- struct{}{}:
	default:
		t := time.NewTimer(l.wait)
		defer t.Stop()
		select {
		case l.slots <- struct{}{}:
		case <-t.C:
			return r, func() {}, false
		case <-r.Context().Done():
			return r, func() {}, false
		}
	}
	s := &slot{l: l}
	return r.WithContext(context.WithValue(r.Context(), slotKey{}, s)), s.release, true
}

// Release gives back the slot of the request whose context ctx is, if it holds
// one: a handler calls it once the response is complete in memory, before
// writing it to the client.
func Release(ctx context.Context) {
	if s, ok := ctx.Value(slotKey{}).(*slot); ok {
		s.release()
	}
}

// busyMessage is what a visitor reads when every slot stays taken.
const busyMessage = "Der Server ist gerade ausgelastet. Bitte versuchen Sie es in einem Moment erneut."

// unreachableMessage is what a visitor reads of any other 503: for a page
// that reads, the database is away. (The store says the same in the same words.)
const unreachableMessage = "Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einem Moment erneut."

// Busy returns the error of a request refused for want of a slot: unavailable,
// so that every surface answers 503 with Retry-After.
func Busy() error {
	return &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE, Message: busyMessage, Msg: ratsinfo.Msg{Key: busyMessage}}
}

// isBusy reports whether err is the error Busy returns.
func isBusy(err error) bool {
	var e *ratsinfo.Error
	return errors.As(err, &e) && e.Message == busyMessage
}
