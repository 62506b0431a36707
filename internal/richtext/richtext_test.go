package richtext

import (
	"strings"
	"testing"
)

func TestHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "Erster Absatz.\nZweite Zeile.\n\nZweiter Absatz.",
			"<p>Erster Absatz.<br>\nZweite Zeile.</p>\n<p>Zweiter Absatz.</p>\n"},
		{"bullets after a paragraph", "Es gibt:\n- Radwege\n* Busse\n• Bahnen",
			"<p>Es gibt:</p>\n<ul>\n<li>Radwege</li>\n<li>Busse</li>\n<li>Bahnen</li>\n</ul>\n"},
		{"numbered then bullets", "1. Erstens\n2) Zweitens\n- lose",
			"<ol>\n<li>Erstens</li>\n<li>Zweitens</li>\n</ol>\n<ul>\n<li>lose</li>\n</ul>\n"},
		{"link without the full stop", "Siehe https://www.norderstedt.de/Smart-City.",
			`<p>Siehe <a href="https://www.norderstedt.de/Smart-City" rel="nofollow">https://www.norderstedt.de/Smart-City</a>.</p>` + "\n"},
		{"script is text", "<script>alert(1)</script>",
			"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"javascript: is no link", "javascript:alert(1) und data:text/html,<b>",
			"<p>javascript:alert(1) und data:text/html,&lt;b&gt;</p>\n"},
		{"quotes cannot leave the attribute", `https://x.example/"onmouseover="alert(1)`,
			`<p><a href="https://x.example/" rel="nofollow">https://x.example/</a>&#34;onmouseover=&#34;alert(1)</p>` + "\n"},
		{"CRLF", "a\r\n\r\nb", "<p>a</p>\n<p>b</p>\n"},
		{"a year is no list", "2023 wurden 5 Projekte begonnen.", "<p>2023 wurden 5 Projekte begonnen.</p>\n"},
		{"empty", "  \n\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(HTML(tt.in)); got != tt.want {
				t.Errorf("HTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzHTML checks that no input yields a tag or attribute the renderer did not
// write itself.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{"<img src=x onerror=alert(1)>", "- <a>\n1. b", "https://a.example/<b>", "\"'&"} {
		f.Add(s)
	}
	allowed := []string{"<p>", "</p>", "<br>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "</a>"}
	f.Fuzz(func(t *testing.T, in string) {
		out := string(HTML(in))
		rest := out
		for {
			i := strings.IndexByte(rest, '<')
			if i < 0 {
				break
			}
			rest = rest[i:]
			ok := strings.HasPrefix(rest, `<a href="http`)
			for _, tag := range allowed {
				ok = ok || strings.HasPrefix(rest, tag)
			}
			if !ok {
				t.Fatalf("HTML(%q) wrote a tag it should not: %q", in, out)
			}
			rest = rest[1:]
		}
	})
}
