// Local stand-ins for the three Lambda functions of the banking workflow, Lambda-style:
// each export is named after the function and receives (event, context). A thrown error's
// `name` becomes the Step Functions error name that Retry and Catch match.
'use strict';

class InvalidName extends Error {
  name = 'InvalidName';
}

class InvalidAddress extends Error {
  name = 'InvalidAddress';
}

/** The name must have at least two words of letters (apostrophes and hyphens allowed). */
exports.CheckName = async (applicant) => {
  const name = typeof applicant?.name === 'string' ? applicant.name.trim() : '';
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2 || !words.every((w) => /^[\p{L}'-]+$/u.test(w))) {
    throw new InvalidName(`"${name}" is not a full name.`);
  }
  return { check: 'name', passed: true, name };
};

/** The address needs a street, a city and a postcode. */
exports.CheckAddress = async (applicant) => {
  const address = applicant?.address ?? {};
  const missing = ['street', 'city', 'postcode'].filter(
    (field) => typeof address[field] !== 'string' || !address[field].trim(),
  );
  if (missing.length > 0) {
    throw new InvalidAddress(`The address has no ${missing.join(', ')}.`);
  }
  return { check: 'address', passed: true, country: address.country ?? 'unknown' };
};

/** Opens the account; the account number is derived from the applicant so runs are repeatable. */
exports.OpenNewAccount = async (event) => {
  const { applicant, checkedAt } = event;
  let hash = 0;
  for (const ch of `${applicant.name}|${applicant.email}`)
    hash = (hash * 31 + ch.codePointAt(0)) % 1_000_000_000;
  return {
    accountNumber: `ACC-${String(hash).padStart(9, '0')}`,
    holder: applicant.name,
    openedAfterChecksAt: checkedAt,
    status: 'OPEN',
  };
};
