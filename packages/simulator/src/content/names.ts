// Company and person names for the simulated tenants. Some names deliberately carry commas, quotes,
// ampersands and non-ASCII letters, as real customer names do, so consumers meet proper quoting and escaping.

import type { Rng } from './random.js';

const PLACES = [
  'Northwind', 'Bluepeak', 'Riverside', 'Lakeshore', 'Oakridge', 'Silverline', 'Granite', 'Harborview', 'Maple',
  'Westbrook', 'Eastgate', 'Summit', 'Pinecrest', 'Redwood', 'Brightwater', 'Stonebridge', 'Clearfield', 'Highland',
  'Meadowlark', 'Ironwood', 'Fairhaven', 'Kingsbury', 'Ashford', 'Coldspring', 'Elmstead', 'Foxhill', 'Greenway',
  'Larkspur', 'Millbrook', 'Norwood', 'Old Town', 'Seaside', 'Sunnyvale', 'Thornbury', 'Valleyview', 'Wrenfield',
];

const TRADES = [
  'Dental', 'Logistics', 'Accounting', 'Architects', 'Veterinary Clinic', 'Engineering', 'Family Practice',
  'Legal Services', 'Realty', 'Insurance Brokers', 'Pharmacy', 'Print Shop', 'Auto Repair', 'Construction',
  'Consulting', 'Bakery', 'Hotel', 'Travel', 'Media', 'Opticians', 'Physiotherapy', 'Manufacturing', 'Foods',
  'Marine', 'Orthopedics', 'Tax Advisors', 'Wholesale', 'Pet Supplies', 'Landscaping', 'Electric',
];

const COMPANY_SUFFIXES = ['Ltd', 'GmbH', 'Inc.', 'LLC', 'AG', 'S.A.', 'B.V.', 'Group', 'Co.', 'SARL', 'Oy', 'AB', ''];

const SURNAMES = [
  'Smith', 'Keller', 'Novak', 'Müller', 'Dubois', 'Rossi', 'García', 'Jansen', 'Kowalski', 'Nielsen', 'Horvat',
  "O'Brien", 'Schneider', 'Lindqvist', 'Fischer', 'Moreau', 'Bianchi', 'Søndergaard', 'Dvořák', 'Petrov', 'Walsh',
  'Baker', 'Lind', 'Weber', 'Costa', 'Meyer', 'Nowak', 'Hansen', 'Laurent', 'Ferreira', 'Young', 'Becker',
];

const FIRST_NAMES = [
  'Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Karin', 'Liam', 'Maria',
  'Noah', 'Olga', 'Pavel', 'Rosa', 'Sven', 'Tara', 'Uwe', 'Vera', 'Wim', 'Yusuf', 'Zoe', 'Marco', 'Lena',
];

const PARTNER_WORDS = ['Cloud', 'IT', 'Tech', 'Data', 'Cyber', 'Net', 'Systems', 'Digital'];
const PARTNER_TAILS = ['Services', 'Solutions', 'Partners', 'Managed Services', 'Networks', 'Distribution'];
const QUOTED_VENUES = ['Café', 'Hotel', 'Restaurant', 'Pension', 'Gasthaus', 'Bistro'];
const QUOTED_NAMES = ['Zum Löwen', 'Blue Anchor', 'Alpenblick', 'Golden Pear', 'Seeblick', 'Old Mill'];
const FOLDER_NAMES = ['Healthcare clients', 'Legacy contracts', 'Retail & hospitality', 'Public sector'];

const withSuffix = (name: string, suffix: string): string => (suffix === '' ? name : `${name} ${suffix}`);

/** Name styles: `plain` "Oakridge Dental Ltd"; `comma` "Baker, Lind & Partners"; `quoted` `Café "Zum Löwen"`. */
export type CompanyNameStyle = 'plain' | 'comma' | 'quoted' | 'surname';

const STYLES: readonly CompanyNameStyle[] = ['plain', 'plain', 'plain', 'plain', 'surname', 'surname', 'comma', 'quoted'];

export function companyName(rng: Rng, style?: CompanyNameStyle): string {
  const chosen = style ?? rng.pick(STYLES);
  switch (chosen) {
    case 'plain':
      return withSuffix(`${rng.pick(PLACES)} ${rng.pick(TRADES)}`, rng.pick(COMPANY_SUFFIXES));
    case 'surname':
      return withSuffix(`${rng.pick(SURNAMES)} & ${rng.pick(SURNAMES)} ${rng.pick(TRADES)}`, rng.pick(COMPANY_SUFFIXES));
    case 'comma': {
      const [a, b] = rng.sample(SURNAMES, 2) as [string, string];
      return rng.chance(0.5) ? `${a}, ${b} & Partners` : `${a} ${rng.pick(TRADES)}, ${rng.pick(['Inc.', 'LLC', 'Ltd'])}`;
    }
    case 'quoted':
      return `${rng.pick(QUOTED_VENUES)} "${rng.pick(QUOTED_NAMES)}"`;
  }
}

export function partnerName(rng: Rng): string {
  return withSuffix(`${rng.pick(PLACES)} ${rng.pick(PARTNER_WORDS)} ${rng.pick(PARTNER_TAILS)}`, rng.pick(COMPANY_SUFFIXES));
}

export function folderName(rng: Rng): string {
  return rng.pick(FOLDER_NAMES);
}

/** Lowercase ASCII for logins and mail domains ("Søndergaard" -> "sondergaard"). */
export function slug(text: string): string {
  const ascii = asciiSlug(text);
  if (ascii !== null) return ascii;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/**
 * `slug` of an ASCII-only text in one pass (runs of anything but letters and digits become one dash, none at
 * either end), or null when the text has other characters: names are slugged for every synthetic customer.
 */
function asciiSlug(text: string): string | null {
  let out = '';
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 0x80) return null;
    const alnum = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
    if (alnum && from < 0) {
      from = i;
    } else if (!alnum && from >= 0) {
      out += out === '' ? text.slice(from, i) : `-${text.slice(from, i)}`;
      from = -1;
    }
  }
  return out.toLowerCase();
}

export function personName(rng: Rng): { first: string; last: string } {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(SURNAMES) };
}
