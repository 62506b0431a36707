package mirror

import (
	"time"
)

// startProgress calls Options.Progress once a second until stop is called.
func (im *importer) startProgress() (stop func()) {
	if im.opt.Progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				im.opt.Progress(im.snapshot())
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		im.opt.Progress(im.snapshot())
	}
}

// snapshot reads the counters. The list name and total are written by the
// writer goroutine; a torn read only makes one progress line slightly off, so
// they share the report's lock rather than having their own.
func (im *importer) snapshot() Progress {
	r := im.rep
	r.mu.Lock()
	defer r.mu.Unlock()
	p := Progress{Objects: r.Objects, Pages: r.Pages, Lists: r.Lists, Files: r.Files,
		Elapsed: time.Since(r.started), List: r.list}
	if s := p.Elapsed.Seconds(); s > 0 {
		p.PerSecond = float64(p.Objects) / s
	}
	if r.listTotal > 0 && p.PerSecond > 0 {
		if left := r.listTotal - r.listDone; left > 0 {
			p.ETA = time.Duration(float64(left) / p.PerSecond * float64(time.Second))
		}
	}
	return p
}
