// Package netguard keeps HTTP clients that fetch URLs named by someone else (a
// foreign OParl server's file links and next links) from reaching addresses
// inside our own network: loopback, private, link-local (169.254.169.254, the
// cloud metadata service), unspecified and multicast addresses are refused after
// name resolution, in the dialer, so that DNS rebinding and redirects are covered
// too. The exact origins (scheme, host, port) the operator named are exempt: the
// system URL given on the command line and those allowed with an option.
//
// A refusal reads the same whatever is behind the address ("Adresse nicht
// erlaubt"): no connection is attempted, so error texts cannot tell an open port
// from a closed one.
package netguard

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// ErrForbidden is the error of every refused address.
var ErrForbidden = errors.New("Adresse nicht erlaubt")

// Guard decides which URLs a client may fetch. The zero value refuses every
// internal address and allows no exception.
type Guard struct {
	allowed map[string]bool // origins "scheme://host:port"
}

// New returns a guard that lets the given origins through even when they are
// internal. Each entry is a URL; only its scheme, host and port count. A URL that
// cannot be parsed is an error (it comes from the operator).
func New(allow ...string) (*Guard, error) {
	g := &Guard{allowed: map[string]bool{}}
	for _, a := range allow {
		o, err := Origin(a)
		if err != nil {
			return nil, err
		}
		g.allowed[o] = true
	}
	return g, nil
}

// Origin returns scheme://host:port of an absolute http(s) URL, with the default
// port filled in and the host in lower case.
func Origin(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return "", fmt.Errorf("%q ist keine vollständige http(s)-Adresse wie https://ris.example.de", raw)
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return u.Scheme + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port), nil
}

// Allowed reports whether u's origin is one the operator named.
func (g *Guard) Allowed(u *url.URL) bool {
	if g == nil || u == nil {
		return false
	}
	o, err := Origin(u.String())
	return err == nil && g.allowed[o]
}

// Internal reports whether ip is an address no foreign link may make us reach.
func Internal(ip netip.Addr) bool {
	ip = ip.Unmap()
	return !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() ||
		ip.IsUnspecified() || cgnat.Contains(ip)
}

// cgnat is the shared address space of carrier-grade NAT (RFC 6598), internal too.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// PublicHost reports whether a URL's host may be handed to a browser as a
// redirect target: no IP literal of an internal address, no "localhost". It
// resolves nothing (the browser does), so it only catches what the URL says.
func PublicHost(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return false
	}
	h := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return false
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		return !Internal(ip)
	}
	return true
}

type allowKey struct{}

// Client returns an HTTP client that obeys the guard on every request and every
// redirect hop. Proxies from the environment are not used: a proxy would resolve
// the names, out of the guard's sight.
func (g *Guard) Client(timeout time.Duration, maxIdlePerHost int) *http.Client {
	return &http.Client{Timeout: timeout, Transport: g.Transport(maxIdlePerHost)}
}

// Transport returns the guarded transport of Client.
func (g *Guard) Transport(maxIdlePerHost int) http.RoundTripper {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, ControlContext: control}
	base := &http.Transport{
		DialContext:         d.DialContext,
		MaxIdleConnsPerHost: maxIdlePerHost,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 20 * time.Second,
		ForceAttemptHTTP2:   true,
	}
	return &transport{g: g, base: base}
}

// transport marks requests to an allowed origin for the dialer. Connections are
// pooled per scheme and host:port, so a connection dialed for an allowed origin
// only ever carries requests to that same origin.
type transport struct {
	g    *Guard
	base *http.Transport
}

func (t *transport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Scheme != "http" && r.URL.Scheme != "https" {
		return nil, &url.Error{Op: r.Method, URL: r.URL.String(), Err: ErrForbidden}
	}
	if t.g.Allowed(r.URL) {
		r = r.WithContext(context.WithValue(r.Context(), allowKey{}, true))
	}
	return t.base.RoundTrip(r)
}

// control runs after name resolution, right before the socket connects, with
// the address actually dialed.
func control(ctx context.Context, _, address string, _ syscall.RawConn) error {
	if ok, _ := ctx.Value(allowKey{}).(bool); ok {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil || Internal(ap.Addr()) {
		return ErrForbidden
	}
	return nil
}
