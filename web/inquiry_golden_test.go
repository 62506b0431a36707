package web

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestInquiryPageGolden compares the text of the answer page (what a reader
// or a screen reader gets of <main>: each question, its sub-points and the
// answer beside it, the facts and the public timeline) with the golden text in
// testdata/inquiry_page.golden, and likewise the page of an overdue inquiry
// whose drafted answer must not show. A deliberate change: go test ./web -run
// InquiryPageGolden -update, and read the diff.
func TestInquiryPageGolden(t *testing.T) {
	w := testWorld(t)
	var got strings.Builder
	for _, id := range []int64{w.fix.InquiryPublished, w.fix.InquiryOverdue} {
		path := fmt.Sprintf("/anfragen/%d?lang=de", id)
		res, page := w.get(t, path)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		fmt.Fprintf(&got, "=== %s\n%s\n", strings.Replace(path, fmt.Sprint(id), "{id}", 1), mainText(t, page))
	}
	file := filepath.Join("testdata", "inquiry_page.golden")
	if *updateGolden {
		if err := os.WriteFile(file, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test ./web -run InquiryPageGolden -update writes it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("the inquiry pages' text differs from %s (after a deliberate change: -update).\n--- got ---\n%s--- want ---\n%s", file, got.String(), want)
	}
}

// mainText is the text of the page's <main>, one line per block (heading,
// paragraph, list item, table cell, term and definition), with runs of blanks
// collapsed: the page as read, independent of markup and indentation.
func mainText(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var main *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "main" {
			main = n
		}
		for c := n.FirstChild; c != nil && main == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if main == nil {
		t.Fatal("page has no <main>")
	}
	blocks := map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "p": true, "li": true, "dt": true, "dd": true,
		"td": true, "th": true, "tr": true, "section": true, "div": true, "ol": true, "ul": true, "dl": true, "br": true}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && blocks[n.Data] {
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blocks[n.Data] {
			b.WriteString("\n")
		}
	}
	walk(main)
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
