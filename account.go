package ratsinfo

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// KindAccount names an account in validation messages. It is no OParl type:
// accounts, sessions and tokens never enter the record or the change feed.
const KindAccount Kind = "Account"

// GrantRole is what an account may do in a body's back office.
type GrantRole string

// The roles of the back office (issue 10). A role is granted per body; some
// name the person or organization they act for.
const (
	// GrantCouncilMember is a member of the council, linked to their Person.
	GrantCouncilMember GrantRole = "council_member"
	// GrantFactionOffice acts for the members of its faction (an Organization).
	GrantFactionOffice GrantRole = "faction_office"
	// GrantCouncilOffice is the Büro der Stadtvertretung.
	GrantCouncilOffice GrantRole = "council_office"
	// GrantUnit is staff of one answering organization of the administration.
	GrantUnit GrantRole = "unit"
	// GrantSignOff is the Oberbürgermeister*in or a delegate who signs answers off.
	GrantSignOff GrantRole = "sign_off"
	// GrantAdmin manages accounts.
	GrantAdmin GrantRole = "admin"
)

// GrantRoles lists every role in the order the office shows them.
var GrantRoles = []GrantRole{GrantCouncilMember, GrantFactionOffice, GrantCouncilOffice, GrantUnit, GrantSignOff, GrantAdmin}

var grantGerman = map[GrantRole]string{
	GrantCouncilMember: "Ratsmitglied",
	GrantFactionOffice: "Fraktionsgeschäftsstelle",
	GrantCouncilOffice: "Büro der Stadtvertretung",
	GrantUnit:          "Fachbereich (beantwortende Stelle)",
	GrantSignOff:       "Zeichnung (Oberbürgermeister*in oder Vertretung)",
	GrantAdmin:         "Verwaltung der Konten",
}

// GermanName returns the role's German name, as the office shows it.
func (r GrantRole) GermanName() string {
	if s, ok := grantGerman[r]; ok {
		return s
	}
	return string(r)
}

// Valid reports whether r is one of GrantRoles.
func (r GrantRole) Valid() bool { _, ok := grantGerman[r]; return ok }

// Grant gives an account one role in one body. PersonID is set for
// council_member only, OrganizationID for faction_office and unit only.
type Grant struct {
	Role           GrantRole
	BodyID         int64
	PersonID       int64
	OrganizationID int64
}

// Account is a person who logs in to the back office or uses the JSON API.
type Account struct {
	ID       int64
	Email    string
	Name     string
	Disabled bool
	Created  time.Time
	Modified time.Time
	Grants   []Grant
}

// Limits of an account's texts.
const (
	MaxAccountName = 200
	// MinPassword is the shortest password accepted: length is what makes a
	// password strong (NIST SP 800-63B asks for at least 8, we ask for more,
	// since council accounts read non-public papers).
	MinPassword = 12
	// MaxPassword bounds the work of hashing a password an attacker sends.
	MaxPassword = 200
)

// Validate trims and checks a, its grants included, with German messages.
func (a *Account) Validate() error {
	v := newValidator(KindAccount)
	a.Email = strings.TrimSpace(a.Email)
	if a.Email == "" {
		v.add("email", "darf nicht leer sein.")
	} else if !ValidEmail(a.Email) {
		v.add("email", "ist keine gültige E-Mail-Adresse, z. B. vorname.nachname@stadt.de.")
	}
	v.required("name", &a.Name)
	if utf8.RuneCountInString(a.Name) > MaxAccountName {
		v.addf("name", "ist zu lang; höchstens %d Zeichen sind erlaubt.", MaxAccountName)
	}
	seen := map[Grant]bool{}
	for i, g := range a.Grants {
		field := "grants." + strconv.Itoa(i)
		if msg := g.problem(); msg != "" {
			v.add(field, msg)
		} else if seen[g] {
			v.add(field, "ist doppelt vergeben.")
		}
		seen[g] = true
	}
	return v.err()
}

// problem says what is wrong with g, or "".
func (g Grant) problem() string {
	if !g.Role.Valid() {
		return "Unbekannte Rolle „" + string(g.Role) + "“; erlaubt sind council_member, faction_office, council_office, unit, sign_off und admin."
	}
	if g.BodyID <= 0 {
		return "Die Rolle " + g.Role.GermanName() + " braucht die Körperschaft, für die sie gilt."
	}
	needPerson := g.Role == GrantCouncilMember
	needOrg := g.Role == GrantFactionOffice || g.Role == GrantUnit
	switch {
	case needPerson && g.PersonID <= 0:
		return "Die Rolle Ratsmitglied braucht die Person, für die das Konto handelt."
	case !needPerson && g.PersonID != 0:
		return "Nur die Rolle Ratsmitglied ist mit einer Person verknüpft."
	case needOrg && g.OrganizationID <= 0:
		return "Die Rolle " + g.Role.GermanName() + " braucht die Organisation (Fraktion bzw. Fachbereich), für die sie gilt."
	case !needOrg && g.OrganizationID != 0:
		return "Nur die Rollen Fraktionsgeschäftsstelle und Fachbereich sind mit einer Organisation verknüpft."
	}
	return ""
}

// CheckPassword says in German what is wrong with a new password, or returns nil.
func CheckPassword(pw string) error {
	n := utf8.RuneCountInString(pw)
	switch {
	case n < MinPassword:
		return Errorf(EINVALID, "Das Passwort ist zu kurz: Es braucht mindestens %d Zeichen. Ein langer Satz lässt sich gut merken.", MinPassword)
	case len(pw) > MaxPassword:
		return Errorf(EINVALID, "Das Passwort ist zu lang: höchstens %d Zeichen sind erlaubt.", MaxPassword)
	case strings.TrimSpace(pw) == "":
		return Errorf(EINVALID, "Das Passwort darf nicht nur aus Leerzeichen bestehen.")
	}
	return nil
}

// NewSecret returns a random token for a session, a password-reset link or the
// API, and the hash under which the store keeps it: the token itself is only
// ever in the hands of its owner, so a copy of the database opens no account.
func NewSecret() (token, hash string) {
	var b [32]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	token = base64.RawURLEncoding.EncodeToString(b[:])
	return token, HashSecret(token)
}

// HashSecret returns the hex SHA-256 of a token. A token has 256 random bits,
// so a plain hash is enough (no password hashing needed).
func HashSecret(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// PasswordHasher hashes and verifies passwords; package password implements it
// with argon2id. The root names it so that the office and the commands share one.
type PasswordHasher interface {
	// Hash returns an encoded hash of pw with its parameters.
	Hash(pw string) (string, error)
	// Verify reports whether pw matches the encoded hash, and whether the hash
	// should be replaced because its parameters are outdated.
	Verify(encoded, pw string) (ok, rehash bool, err error)
}

// Mail is one German plain-text e-mail.
type Mail struct {
	To      string
	Subject string
	Text    string
}

// MailSender sends e-mail: over SMTP, or into a folder when no server is set.
type MailSender interface {
	Send(ctx context.Context, m Mail) error
}
