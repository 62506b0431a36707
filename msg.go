package ratsinfo

import "fmt"

// Msg is a text a user reads, before formatting: Key is a German fmt format
// ("%s enthält ungültige Angaben. …") and Args fill it in. A surface translates
// the key and then formats it with the same arguments, so that a dictionary
// holds one entry per sentence, not one per formatted variant. Arguments that are
// Msgs themselves ("Die Vorlage") are translated too; any other argument (a
// number, a date, what the user entered) is shown as it is.
type Msg struct {
	Key  string
	Args []any
}

// NewMsg returns the message of format key filled in with args.
func NewMsg(key string, args ...any) Msg { return Msg{Key: key, Args: args} }

// String renders the message in German. Without arguments the key is the text
// itself, so a literal "%" in it stays as written.
func (m Msg) String() string {
	if len(m.Args) == 0 {
		return m.Key
	}
	return fmt.Sprintf(m.Key, m.Args...)
}
