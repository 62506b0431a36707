package validate

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Report is the outcome of a run.
type Report struct {
	SystemURL string        `json:"systemUrl"`
	Version   string        `json:"version"` // "1.0" or "1.1"
	Objects   int           `json:"objects"` // distinct objects checked
	Pages     int           `json:"pages"`   // list pages fetched
	Requests  int           `json:"requests"`
	Duration  time.Duration `json:"duration"`
	// Truncated is set when MaxObjects stopped the crawl early.
	Truncated bool `json:"truncated"`
	// Rules summarises every violated rule with its exact count, errors
	// first; Violations holds the findings, at most 1000 per rule.
	Rules      []RuleCount `json:"rules"`
	Violations []Violation `json:"violations"`
}

// RuleCount is one violated rule with how often it was violated.
type RuleCount struct {
	Rule        string `json:"rule"`
	Severity    string `json:"severity"`
	Count       int    `json:"count"`
	Explanation string `json:"explanation"`
}

// Errors returns the number of error findings (MUST violations).
func (r *Report) Errors() int { return r.sum(SeverityError) }

// Warnings returns the number of warning findings (SHOULD violations).
func (r *Report) Warnings() int { return r.sum(SeverityWarning) }

func (r *Report) sum(sev string) int {
	n := 0
	for _, rc := range r.Rules {
		if rc.Severity == sev {
			n += rc.Count
		}
	}
	return n
}

// Count returns how often rule was violated.
func (r *Report) Count(rule string) int {
	for _, rc := range r.Rules {
		if rc.Rule == rule {
			return rc.Count
		}
	}
	return 0
}

func (c *checker) report() *Report {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := &Report{
		SystemURL: c.system,
		Version:   c.version,
		Objects:   c.nChecked,
		Pages:     int(c.pages.Load()),
		Requests:  int(c.requests.Load()),
		Duration:  time.Since(c.start),
		Truncated: c.truncated,
	}
	for id, n := range c.counts {
		r.Rules = append(r.Rules, RuleCount{id, rules[id].Severity, n, rules[id].Text})
	}
	sort.Slice(r.Rules, func(i, j int) bool {
		a, b := r.Rules[i], r.Rules[j]
		if a.Severity != b.Severity {
			return a.Severity == SeverityError
		}
		return a.Rule < b.Rule
	})
	for _, rc := range r.Rules {
		v := c.stored[rc.Rule]
		sort.Slice(v, func(i, j int) bool { return v[i].URL < v[j].URL })
		r.Violations = append(r.Violations, v...)
	}
	return r
}

// textExamples caps the URLs listed per rule in the text report.
const textExamples = 20

// WriteText writes a report for people: one block per violated rule with
// its explanation, count and example URLs, then the summary line.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "OParl-Validierung von %s (OParl %s)\n\n", r.SystemURL, r.Version)
	byRule := map[string][]Violation{}
	for _, v := range r.Violations {
		byRule[v.Rule] = append(byRule[v.Rule], v)
	}
	for _, rc := range r.Rules {
		label := "FEHLER"
		if rc.Severity == SeverityWarning {
			label = "WARNUNG"
		}
		fmt.Fprintf(&b, "%s %s (%d×)\n  %s\n", label, rc.Rule, rc.Count, rc.Explanation)
		vs := byRule[rc.Rule]
		for i, v := range vs {
			if i == textExamples {
				fmt.Fprintf(&b, "  … und %d weitere\n", rc.Count-textExamples)
				break
			}
			fmt.Fprintf(&b, "  - %s: %s\n", v.URL, v.Message)
		}
		b.WriteString("\n")
	}
	if r.Truncated {
		b.WriteString("Hinweis: abgebrochen nach der Höchstzahl an Objekten; Vollständigkeitsprüfungen entfallen.\n")
	}
	fmt.Fprintf(&b, "Dauer %s, %d Anfragen\n", r.Duration.Round(time.Millisecond), r.Requests)
	fmt.Fprintf(&b, "Ergebnis: %d Objekte, %d Seiten, %d Regeln verletzt (%d Fehler, %d Warnungen)\n",
		r.Objects, r.Pages, len(r.Rules), r.Errors(), r.Warnings())
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report for machines, indented.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
