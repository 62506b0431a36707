package mirror

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/netguard"
	"github.com/ratsinfo/ratsinfo/oparl/internal/fetch"
)

// maxJSON bounds one JSON answer; a server streaming endlessly must not take the
// import down.
const maxJSON = 64 << 20

// response is one finished HTTP exchange.
type response struct {
	status int
	header http.Header
	body   []byte
}

// errStatus is a final non-2xx answer.
type errStatus struct {
	url    string
	status int
}

func (e *errStatus) Error() string { return fmt.Sprintf("%s antwortet mit HTTP %d", e.url, e.status) }

// errRefused is the one text of every refused address: whatever is behind it,
// open port or closed, the report reads the same.
func errRefused(u string) error {
	return fmt.Errorf("%s: %w (internes Netz; mit --allow-origin freigeben)", u, netguard.ErrForbidden)
}

// isStatus reports whether err is a final answer with HTTP status code.
func isStatus(err error, code int) bool {
	var e *errStatus
	return errors.As(err, &e) && e.status == code
}

// get performs a polite GET: bounded by the semaphore, each attempt bounded by the
// timeout, retried with exponential backoff on network errors, timeouts, 429, 5xx
// and HTML error pages (SD.NET answers with them even under HTTP 200), honouring
// Retry-After. Each retry is counted as a repair of its cause.
func (im *importer) get(ctx context.Context, u string, wantJSON bool) (*response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := im.getOnce(ctx, u)
		cause := ""
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case errors.Is(err, netguard.ErrForbidden):
			im.rep.repair("address-refused", 1)
			return nil, errRefused(u)
		case err != nil && errors.Is(err, context.DeadlineExceeded):
			cause = "timeout"
		case err != nil:
			cause = "retry-network"
		case resp.status == http.StatusTooManyRequests || resp.status >= 500:
			cause = "retry-5xx"
		case wantJSON && resp.status == http.StatusOK && looksHTML(resp):
			cause = "html-error-page"
		}
		if cause == "" {
			if resp.status >= 300 {
				return resp, &errStatus{u, resp.status}
			}
			return resp, nil
		}
		if attempt >= im.opt.Retries {
			if err == nil {
				if cause == "html-error-page" {
					err = fmt.Errorf("%s liefert eine HTML-Seite statt JSON", u)
				} else {
					err = &errStatus{u, resp.status}
				}
			}
			return nil, err
		}
		im.rep.repair(cause, 1)
		wait := im.opt.Backoff << attempt
		if resp != nil {
			if ra, ok := fetch.RetryAfter(resp.header.Get("Retry-After")); ok {
				wait = ra
			}
		}
		wait = min(wait, 2*time.Minute)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

func (im *importer) getOnce(ctx context.Context, u string) (*response, error) {
	select {
	case im.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-im.sem }()
	start := time.Now()
	defer func() { im.rep.addTime(&im.rep.Fetch, time.Since(start)) }()
	im.rep.add(&im.rep.Requests, 1)
	rctx, cancel := context.WithTimeout(ctx, im.opt.Timeout)
	defer cancel()
	r, err := fetch.Get(rctx, im.client, u, "ratsinfo-import-oparl/1", maxJSON)
	if err != nil {
		return nil, err
	}
	return &response{r.Status, r.Header, r.Body}, nil
}

func looksHTML(resp *response) bool {
	return fetch.LooksHTML(resp.header.Get("Content-Type"), resp.body)
}

// decodeJSON parses an answer, tolerating a UTF-8 BOM.
func decodeJSON(resp *response) (any, error) {
	body := bytes.TrimPrefix(resp.body, []byte("\xef\xbb\xbf"))
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("kein gültiges JSON: %w", err)
	}
	return v, nil
}

// fetchObject GETs one object and notes when its id differs from the URL it was
// fetched from (both are then mapped to the same local object).
func (im *importer) fetchObject(ctx context.Context, u string) (map[string]any, error) {
	resp, err := im.get(ctx, u, true)
	if err != nil {
		return nil, err
	}
	v, err := decodeJSON(resp)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	o, ok := v.(map[string]any)
	if !ok {
		if arr, isArr := v.([]any); isArr && len(arr) == 1 {
			// A membership URL that answers with an array of one (docs/oparl-vendor-faults.md, row 11).
			if o, ok = arr[0].(map[string]any); ok {
				im.rep.repair("array-instead-of-object", 1)
			}
		}
		if !ok {
			return nil, fmt.Errorf("%s liefert kein JSON-Objekt", u)
		}
	}
	return o, nil
}
