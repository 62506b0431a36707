// Package browsertest starts headless Chromium for the browser tests of the
// public site and the back office, with the flags this closed network needs.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Chromium starts the Chromium at bin for one test, with its own profile, and
// stops it when the test ends. Without the background-networking flags
// Chromium's own connections are refused here, many at a time.
func Chromium(t testing.TB, bin string, timeout time.Duration) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// Violation is one WCAG rule axe-core found broken, with the elements it found
// it on.
type Violation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []any  `json:"nodes"`
}

// Axe loads axe-core (its source in axeSource) into the page shown and returns
// what it finds against WCAG 2.1 A and AA.
func Axe(ctx context.Context, axeSource string) ([]Violation, error) {
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSource+";true")); err != nil {
		return nil, fmt.Errorf("load axe: %w", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)}))))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("axe: %w", err)
	}
	var found []Violation
	if err := json.Unmarshal([]byte(raw), &found); err != nil {
		return nil, fmt.Errorf("axe result: %w", err)
	}
	return found, nil
}
