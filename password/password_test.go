package password

import (
	"strings"
	"testing"
)

func TestHashVerify(t *testing.T) {
	h := New()
	enc, err := h.Hash("Stadtvertretung 2026!")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("PHC string %q", enc)
	}
	if enc2, _ := h.Hash("Stadtvertretung 2026!"); enc2 == enc {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	if ok, rehash, err := h.Verify(enc, "Stadtvertretung 2026!"); !ok || rehash || err != nil {
		t.Fatalf("right password: %v %v %v", ok, rehash, err)
	}
	if ok, _, err := h.Verify(enc, "Stadtvertretung 2026?"); ok || err != nil {
		t.Fatalf("wrong password accepted: %v %v", ok, err)
	}
	// A hash made with older (cheaper) parameters still verifies and asks for a rehash.
	old := Hasher{P: Params{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}}
	oldEnc, _ := old.Hash("geheimes Passwort")
	if ok, rehash, err := h.Verify(oldEnc, "geheimes Passwort"); !ok || !rehash || err != nil {
		t.Fatalf("old parameters: %v %v %v", ok, rehash, err)
	}
	for _, bad := range []string{"", "$2a$10$abc", "$argon2id$v=19$m=99999999,t=3,p=4$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=16$m=1024,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5", "$argon2id$v=19$m=1024,t=1,p=1$!!$a2V5"} {
		if ok, _, err := h.Verify(bad, "x"); ok || err == nil {
			t.Errorf("%q: %v %v", bad, ok, err)
		}
	}
}

// BenchmarkHash is what one login costs the server: the default, and RFC
// 9106's 64 MiB option as the baseline it was chosen against.
func BenchmarkHash(b *testing.B) {
	for _, c := range []struct {
		name string
		p    Params
	}{{"default", Default}, {"rfc9106-64MiB", Params{Memory: 64 * 1024, Time: 3, Threads: 4, KeyLen: 32, SaltLen: 16}}} {
		b.Run(c.name, func(b *testing.B) {
			h := Hasher{P: c.p}
			for b.Loop() {
				h.Hash("Stadtvertretung 2026!")
			}
		})
	}
}
