package validate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo/oparl/internal/fetch"
)

// maxBody bounds what we read of one response; OParl pages are small, a
// server streaming endlessly must not take the validator down.
const maxBody = 64 << 20

// response is one finished HTTP exchange.
type response struct {
	status   int
	header   http.Header
	body     []byte
	finalURL string
}

// get performs a polite GET: bounded by the semaphore, retried with
// exponential backoff on network errors, 429 and 5xx, honouring Retry-After.
// limit caps the bytes read (file downloads need only the headers).
func (c *checker) get(ctx context.Context, u string, limit int64) (*response, error) {
	var lastErr error
	for attempt := 0; ; attempt++ {
		resp, err := c.getOnce(ctx, u, limit)
		retry := err != nil || resp.status == http.StatusTooManyRequests || resp.status >= 500
		if !retry || attempt >= c.opt.Retries || ctx.Err() != nil {
			if err != nil {
				return nil, err
			}
			return resp, nil
		}
		lastErr = err
		wait := c.opt.Backoff << attempt
		if resp != nil {
			if ra, ok := fetch.RetryAfter(resp.header.Get("Retry-After")); ok {
				wait = ra
			}
		}
		if wait > time.Minute {
			wait = time.Minute
		}
		select {
		case <-ctx.Done():
			return nil, errors.Join(ctx.Err(), lastErr)
		case <-time.After(wait):
		}
	}
}

func (c *checker) getOnce(ctx context.Context, u string, limit int64) (*response, error) {
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-c.sem }()
	c.requests.Add(1)
	r, err := fetch.Get(ctx, c.client, u, "ratsinfo-oparl-validate/1", limit)
	if err != nil {
		return nil, err
	}
	return &response{r.Status, r.Header, r.Body, r.FinalURL}, nil
}

// fetchJSON gets u and checks the transport rules every JSON answer must
// meet (status, CORS, content type, valid UTF-8 JSON object). It returns the
// decoded object, or nil after reporting why there is none; a status other
// than 200 is left to the caller, who knows what the URL was for.
func (c *checker) fetchJSON(ctx context.Context, u string) (map[string]any, *response) {
	resp, err := c.get(ctx, u, maxBody)
	if err != nil {
		if ctx.Err() == nil {
			c.add("http.unreachable", u, "Abruf fehlgeschlagen: %v", err)
		}
		return nil, nil
	}
	if resp.finalURL != u {
		c.add("http.redirect", u, "umgeleitet auf %s", resp.finalURL)
	}
	c.checkHeaders(u, resp)
	if resp.status != http.StatusOK {
		return nil, resp
	}
	return c.decode(u, resp), resp
}

func (c *checker) checkHeaders(u string, resp *response) {
	if looksHTML(resp) {
		return // the HTML finding says enough; CORS on an error page is moot
	}
	if got := resp.header.Get("Access-Control-Allow-Origin"); got != "*" {
		c.add("http.cors", u, "Access-Control-Allow-Origin ist %q statt \"*\"", got)
	}
	if m := resp.header.Get("Access-Control-Allow-Methods"); m != "" && !strings.Contains(strings.ToUpper(m), "GET") {
		c.add("http.cors-methods", u, "Access-Control-Allow-Methods: %q", m)
	}
	if ct := resp.header.Get("Content-Type"); !strings.Contains(strings.ToLower(ct), "json") {
		c.add("http.content-type", u, "Content-Type ist %q", ct)
	}
}

func looksHTML(resp *response) bool {
	return fetch.LooksHTML(resp.header.Get("Content-Type"), resp.body)
}

// decode parses a JSON object keeping numbers exact, so that 1.0 and 1 can
// be told apart for integer properties.
func (c *checker) decode(u string, resp *response) map[string]any {
	body := resp.body
	if bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		c.add("json.bom", u, "Antwort beginnt mit einem UTF-8-BOM")
		body = body[3:]
	}
	if looksHTML(resp) {
		c.add("json.html", u, "HTTP %d mit HTML statt JSON", resp.status)
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		c.add("json.invalid", u, "kein gültiges JSON: %v", err)
		return nil
	}
	if dec.More() {
		c.add("json.invalid", u, "nach dem JSON-Wert folgen weitere Daten")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		c.add("json.not-object", u, "JSON-Wert ist %s statt Objekt", jsonKind(v))
		return nil
	}
	return obj
}

// jsonKind names a decoded JSON value's type in German for messages.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "Zeichenkette"
	case json.Number:
		return "Zahl"
	case bool:
		return "Wahrheitswert"
	case []any:
		return "Liste"
	case map[string]any:
		return "Objekt"
	}
	return fmt.Sprintf("%T", v)
}
