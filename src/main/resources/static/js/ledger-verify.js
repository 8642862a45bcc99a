// Verifies an entry's inclusion proof in the reader's own browser (RFC 9162 section 2.1.3.2),
// so nobody has to take the server's word for it. Without JavaScript the server's verdict stays.
(function () {
  "use strict";
  var verdict = document.getElementById("verdict");
  if (!verdict || !window.crypto || !window.crypto.subtle) {
    return;
  }

  function fromBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function concat(prefix, a, b) {
    var out = new Uint8Array(1 + a.length + (b ? b.length : 0));
    out[0] = prefix;
    out.set(a, 1);
    if (b) {
      out.set(b, 1 + a.length);
    }
    return out;
  }

  function sha256(bytes) {
    return crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
      return new Uint8Array(digest);
    });
  }

  function equal(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return false;
      }
    }
    return true;
  }

  function isOdd(n) {
    return n % 2 === 1;
  }

  async function verify() {
    var index = Number(verdict.dataset.index);
    var size = Number(verdict.dataset.size);
    var root = fromBase64(verdict.dataset.root);
    var entry = new TextEncoder().encode(document.getElementById("entry-json").textContent);
    var proof = Array.prototype.map.call(document.querySelectorAll("#proof code"), function (code) {
      return fromBase64(code.textContent);
    });
    if (index >= size) {
      return false;
    }
    var fn = index;
    var sn = size - 1;
    var r = await sha256(concat(0, entry));
    for (var i = 0; i < proof.length; i++) {
      if (sn === 0) {
        return false;
      }
      if (isOdd(fn) || fn === sn) {
        r = await sha256(concat(1, proof[i], r));
        while (!isOdd(fn) && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      } else {
        r = await sha256(concat(1, r, proof[i]));
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && equal(r, root);
  }

  verify().then(function (ok) {
    var line = document.createElement("p");
    line.id = "browser-verdict";
    line.textContent = ok ? verdict.dataset.ok : verdict.dataset.bad;
    verdict.appendChild(line);
  });
})();
