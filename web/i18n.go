package web

// english translates the German UI texts. German is the source: a text missing
// here shows in German, which is better than a key or an empty space.
var english = map[string]string{
	"Zum Inhalt springen": "Skip to content",
}
