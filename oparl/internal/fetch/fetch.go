// Package fetch holds what the OParl validator and the OParl mirror both need when
// they talk to a foreign endpoint: one bounded GET, the Retry-After header in both
// of its forms, and telling an HTML error page from JSON. Their retry policies
// differ (the mirror counts each retry as a repair), so those stay with them.
package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Response is one finished HTTP exchange.
type Response struct {
	Status   int
	Header   http.Header
	Body     []byte
	FinalURL string // after redirects
}

// Get performs one GET that asks for JSON and reads at most limit bytes of the
// body, so that a server streaming endlessly cannot exhaust memory.
func Get(ctx context.Context, client *http.Client, u, userAgent string, limit int64) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, limit))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", u, err)
	}
	return &Response{Status: res.StatusCode, Header: res.Header, Body: body, FinalURL: res.Request.URL.String()}, nil
}

// RetryAfter parses both forms of the header: seconds or an HTTP date.
func RetryAfter(v string) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0), true
	}
	return 0, false
}

// LooksHTML reports whether an answer is an HTML page rather than JSON: by its
// opening tag, or by an HTML content type on a body that is not valid JSON (vendors
// send JSON errors labelled text/html, which are not HTML pages).
func LooksHTML(contentType string, body []byte) bool {
	b := bytes.ToLower(bytes.TrimSpace(body))
	if bytes.HasPrefix(b, []byte("<!doctype html")) || bytes.HasPrefix(b, []byte("<html")) {
		return true
	}
	return strings.Contains(strings.ToLower(contentType), "html") && !json.Valid(body)
}
