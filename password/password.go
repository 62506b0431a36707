// Package password hashes the back office's passwords with argon2id (RFC 9106)
// from golang.org/x/crypto, in the PHC string format that names every parameter,
// so that a hash made with older parameters still verifies and is replaced at
// the next login (ratsinfo.PasswordHasher).
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"

	"github.com/ratsinfo/ratsinfo"
)

// Params are argon2id's cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	KeyLen  uint32
	SaltLen uint32
}

// Default is OWASP's recommended argon2id setting (19 MiB, two passes, one
// lane). RFC 9106's 64 MiB option cost over three times as much per login on
// our two-core test machine (BenchmarkHash), and memory is what concurrent
// logins multiply: twenty at once stay under 400 MiB. Raising it later is safe,
// since a hash names its parameters and is replaced at the next login.
var Default = Params{Memory: 19 * 1024, Time: 2, Threads: 1, KeyLen: 32, SaltLen: 16}

// Hasher is a ratsinfo.PasswordHasher with fixed parameters.
type Hasher struct{ P Params }

var _ ratsinfo.PasswordHasher = Hasher{}

// New returns a hasher with the default parameters.
func New() Hasher { return Hasher{P: Default} }

// Hash returns pw's hash as $argon2id$v=19$m=…,t=…,p=…$salt$key.
func (h Hasher) Hash(pw string) (string, error) {
	salt := make([]byte, h.P.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, h.P.Time, h.P.Memory, h.P.Threads, h.P.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, h.P.Memory, h.P.Time, h.P.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify compares pw with an encoded hash in constant time, using the
// parameters the hash names; rehash is true when they differ from h's.
func (h Hasher) Verify(encoded, pw string) (ok, rehash bool, err error) {
	p, salt, key, err := decode(encoded)
	if err != nil {
		return false, false, err
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	if subtle.ConstantTimeCompare(got, key) != 1 {
		return false, false, nil
	}
	p.KeyLen, p.SaltLen = uint32(len(key)), uint32(len(salt))
	return true, p != h.P, nil
}

func decode(encoded string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, fmt.Errorf("password hash: not an argon2id PHC string")
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, fmt.Errorf("password hash: unsupported version %q", parts[2])
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, fmt.Errorf("password hash: parameters %q: %w", parts[3], err)
	}
	// Bounds keep a damaged or planted hash from costing the server gigabytes.
	if p.Memory < 8 || p.Memory > 1<<21 || p.Time < 1 || p.Time > 100 || p.Threads < 1 {
		return p, nil, nil, fmt.Errorf("password hash: parameters %q out of range", parts[3])
	}
	b64 := base64.RawStdEncoding
	if salt, err = b64.DecodeString(parts[4]); err != nil {
		return p, nil, nil, fmt.Errorf("password hash: salt: %w", err)
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 {
		return p, nil, nil, fmt.Errorf("password hash: key: %v", err)
	}
	return p, salt, key, nil
}
