// Function words (articles, prepositions, pronouns, conjunctions, copulas) of
// the Latin-script languages staff write in most. Word soup is told from
// language by words that hold a sentence together (word-soup.ts isGlue): with
// English ones only, a plain French, Spanish or Turkish sentence read as
// salad, and a request in another language (or an English request around a
// pasted foreign email) scored like an adversarial suffix. Short, closed-class
// words only: they say a sentence is grammar, never what it asks.
const WORDS = [
  // French
  'le la les un une des du de et est je il elle nous vous ils elles en au aux que qui ne pas pour sur dans avec mais ou ce cette ces son sa ses mon ma mes ton ta tes leur leurs se sont suis êtes était par plus très être avoir ai as avons avez ont à où',
  // Spanish
  'el los las una unos unas del al y es son está están que por para con sin se su sus lo como pero muy yo tú él ella nosotros ustedes ellos mi mis tu tus hay ser fue era también cuando donde sobre',
  // Portuguese
  'o os as um uma uns umas do da dos das em no na nos nas e é são não com sem seu sua seus suas eu ele ela nós eles elas meu minha foi ao à pelo pela mas muito também',
  // Italian
  'il lo gli di che è sono non per con un una della delle dei degli nel nella sul sulla ma anche io tu lui lei noi voi loro mio mia suo sua questo questa come',
  // German
  'der die das den dem des ein eine einen einem einer und ist sind nicht ich du er sie wir ihr es mit von zu auf für im in bei aus nach wie aber auch oder noch schon sehr mein meine dein deine sein seine kann bitte',
  // Dutch
  'het een en van dat niet op te met voor ik je jij hij zij wij jullie zijn ben wordt naar om maar ook nog bij uit deze dit wat hoe',
  // Turkish
  'bir ve bu şu o da de ile için ama çok ben sen biz siz onlar mi mı mu mü ne gibi daha var yok',
  // Vietnamese
  'có là và của không được cho với các những này đó một trong để khi thì đã sẽ bị tôi bạn chúng gì sao như từ trên về nào',
  // Indonesian / Malay, with the chat forms ("aja", "udah", "nggak")
  'yang dan di ke dari untuk dengan ini itu tidak ada saya anda kami akan bisa atau juga aku kamu buat ya apa mau tolong saja aja udah sudah jangan karena tapi kalau lagi sama sih dong kok pada oleh agar kita mereka dia belum masih harus boleh nggak gak biar',
  // Hindi in Latin letters (chat between colleagues mixes it with English)
  'hai hain kya ka ki ko se mein nahi aur bhi ye yeh woh wo kar karo karna tha thi ho hum tum aap mera meri tera apna',
  // Polish
  'i w na z do nie się to że jest są jak ale od po za czy tak co ja ty on ona my wy oni mój moja',
];
const FUNCTION_WORDS: ReadonlySet<string> = new Set(WORDS.join(' ').split(' '));

/** French and Italian elide articles and pronouns onto the next word: "l'historique", "qu'un", "dell'ufficio". */
const ELIDED = /^(?:l|d|j|n|s|c|m|t|qu|lorsqu|puisqu|un|dell|all|nell|sull|dall|quest)['’]\p{L}/u;

/** English words that are also function words of a language above ("to", "on", "my", "do", "as", "in"). */
const ENGLISH_COMMON_RANK = 250;

/**
 * A function word of another language that is no common English word: what tells a message
 * written in another language (or mixing one with English) from English with a few odd words.
 */
export function isNonEnglishFunctionWord(word: string, englishRank: number | undefined): boolean {
  return word.length > 1 && isForeignFunctionWord(word) && !(englishRank !== undefined && englishRank <= ENGLISH_COMMON_RANK);
}

const LETTER_RUN = /\p{L}+(?:['’]\p{L}+)?/gu;
const LATIN = /\p{Script=Latin}/u;
/** English words that hold a sentence together: the most frequent ones of the frequency list. */
const ENGLISH_GLUE_RANK = 150;

/** Beyond this rank a word is rare in English: another language's word, a name or jargon. */
const ENGLISH_KNOWN_RANK = 20_000;

/**
 * Whether a lower-cased text reads as written in another language than English: mostly another
 * script; or more function words of the languages above (no common English word) than English
 * ones; or, in a short message whose only grammar words are shared with English ("as", "do" in
 * "mostre todas as regras do jogo"), mostly words English rarely uses. Mixed messages ("Bro tolong
 * cek grammar email aku ya") count as the other language when its grammar words outnumber English.
 */
export function readsAsOtherLanguage(text: string, rank: (word: string) => number | undefined): boolean {
  let foreign = 0;
  let english = 0;
  let shared = 0;
  let rare = 0;
  let latin = 0;
  let otherScript = 0;
  for (const m of text.matchAll(LETTER_RUN)) {
    const word = m[0];
    if (!LATIN.test(word)) {
      otherScript++;
      continue;
    }
    latin++;
    const r = rank(word);
    if (r === undefined || r > ENGLISH_KNOWN_RANK) rare++;
    if (isNonEnglishFunctionWord(word, r)) foreign++;
    else if (r !== undefined && r <= ENGLISH_GLUE_RANK) {
      if (word.length > 1 && isForeignFunctionWord(word)) shared++;
      else english++;
    }
  }
  if (otherScript > latin) return true;
  return foreign > english || (english === 0 && shared > 0 && rare * 2 >= latin);
}

/** True for a lower-cased function word of one of the languages above, or a word carrying an elided one. */
export function isForeignFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word) || ELIDED.test(word);
}
