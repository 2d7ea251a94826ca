// The "Try an example" article: original prose written for this page (not taken from any
// news source). People, the Coastal Futures Alliance and the events are invented; the countries,
// institutions and treaties are real. It exercises every label and type: people (full name, then
// surname), organizations (NATO, European Union / EU), countries, demonyms (Norwegian, Danish), a
// capital standing for its government (Reykjavik, Oslo, Moscow, Washington), named agreements
// (Paris Agreement, the Law of the Sea convention) and described ones (fishing accord, fisheries
// pact).

export const SAMPLE_TITLE = 'Arctic fishing talks end with a five-year truce';

export const SAMPLE = [
  "Arctic fishing talks end with a five-year truce",
  "",
  "OSLO — Norway and Iceland agreed on Tuesday to share the North Atlantic mackerel catch for the next five years, ending a quarrel that had strained ties between the two NATO allies since the spring.",
  "",
  "The deal was announced by Norwegian Foreign Minister Ingrid Solberg and her Icelandic counterpart, Gunnar Magnusson, after two days of talks hosted by the European Union. \"Nobody got everything they wanted, but there will still be fish for our grandchildren,\" Solberg told reporters. Magnusson called it \"a fair catch\".",
  "",
  "Under the new fishing accord, each country will cut its catch by a fifth, and inspectors from both coast guards may board each other's trawlers. The European Commission will check the figures every year, and the Food and Agriculture Organization has offered technical help.",
  "",
  "Reykjavik had held out for a larger share until Monday night, when Oslo agreed to open two northern fishing grounds. Officials said the text does not replace the United Nations Convention on the Law of the Sea, which both countries have ratified, and that it builds on their pledges under the Paris Agreement.",
  "",
  "Not everyone was at the table. Russia, which fishes the same waters, was not invited, and a Russian diplomat said Moscow would \"study the arrangement carefully\" before deciding whether to respect it. Britain and Denmark asked to join the talks next year.",
  "",
  "Washington welcomed the truce. A State Department spokeswoman, Laura Bennett, said the United States hoped it would \"cool tempers in the High North\", while the Danish fisheries minister, Mette Holm, called for a wider Atlantic fisheries pact that would include Greenland.",
  "",
  "Environmental groups were less impressed. The Coastal Futures Alliance, a coalition of conservation charities, said the cuts were too small to let stocks recover and urged the United Nations to convene a special conference. Solberg said she would travel to Brussels next week to brief EU ministers.",
].join('\n');
