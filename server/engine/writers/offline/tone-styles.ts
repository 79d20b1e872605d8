/** A family of tones the offline writer knows how to write in, picked from the brief's free-text tone. */
export type ToneStyleName = 'playful' | 'professional' | 'warm' | 'bold' | 'calm'

export interface ToneStyle {
  name: ToneStyleName
  /** Words in the brief's tone that select this style. */
  cues: readonly string[]
  /** How the copy is written, for the tone note. */
  guidance: string
  /** Short openers for social posts. */
  hooks: readonly string[]
  /** A closing line for longer bodies: sets the tone without claiming anything. */
  flourishes: readonly string[]
  /** Emoji for the platforms where they fit; none for styles that would not use them. */
  emoji: readonly string[]
  /** Mood words for images and alt text. */
  moods: readonly string[]
  /** Lighting and treatment for image prompts. */
  treatments: readonly string[]
}

export const TONE_STYLES: readonly ToneStyle[] = [
  {
    name: 'playful',
    cues: ['playful', 'fun', 'witty', 'cheeky', 'quirky', 'humorous', 'humourous', 'light', 'cheerful', 'upbeat', 'silly'],
    guidance: 'short sentences, a light wink of humour, everyday words and no jargon',
    hooks: ['Plot twist:', 'Small change, big smile.', 'Okay, this is fun.', 'Guess what?', 'New favourite alert:'],
    flourishes: ['Think of it as a small upgrade with a big grin.', 'Your future self says thanks.', 'Fun, easy and ready when you are.'],
    emoji: ['✨', '🎉', '😄', '🙌'],
    moods: ['bright and playful', 'cheerful and lively', 'sunny and fun'],
    treatments: ['bright natural daylight, saturated colours', 'soft pastel light, playful props'],
  },
  {
    name: 'professional',
    cues: ['professional', 'formal', 'authoritative', 'expert', 'corporate', 'credible', 'trustworthy', 'informative', 'b2b', 'serious'],
    guidance: 'clear, measured sentences, concrete facts over hype, and a confident but modest voice',
    hooks: ['New:', 'Worth a look:', 'Take note:', 'Here is what changes:'],
    flourishes: ['It is simple to roll out and clear to explain.', 'It fits the way you already work.', 'Clear, practical and ready to use.'],
    emoji: [],
    moods: ['calm and confident', 'clean and trustworthy', 'focused and assured'],
    treatments: ['soft even studio light, neutral tones', 'crisp window light, modern office setting'],
  },
  {
    name: 'warm',
    cues: ['warm', 'friendly', 'caring', 'empathetic', 'supportive', 'approachable', 'reassuring', 'kind', 'welcoming', 'conversational', 'human'],
    guidance: 'a friendly, human voice that speaks to the reader as "you", with simple words and kind reassurance',
    hooks: ['Good news:', 'Here is something for you.', 'We made this with you in mind.', 'A little something new:'],
    flourishes: ['We made it with care, for people like you.', 'It is here to make your day a little easier.', 'Made with care, ready when you are.'],
    emoji: ['💛', '🌿', '☀️'],
    moods: ['warm and welcoming', 'friendly and relaxed', 'gentle and inviting'],
    treatments: ['golden-hour light, soft focus background', 'warm morning light, homely setting'],
  },
  {
    name: 'bold',
    cues: ['bold', 'confident', 'inspiring', 'energetic', 'motivational', 'daring', 'urgent', 'punchy', 'ambitious', 'dynamic', 'exciting'],
    guidance: 'short, punchy sentences with strong verbs, momentum and a clear next step',
    hooks: ['Ready?', 'Time to move.', 'This is your moment.', 'Let\'s go.'],
    flourishes: ['Now is the time to make the move.', 'Start today and keep going.', 'Make the first move. The rest follows.'],
    emoji: ['⚡', '🚀', '🔥'],
    moods: ['bold and energetic', 'dynamic and confident', 'vivid and determined'],
    treatments: ['high-contrast light, strong shadows', 'dramatic side light, dynamic angle'],
  },
  {
    name: 'calm',
    cues: ['calm', 'serene', 'minimal', 'minimalist', 'elegant', 'luxurious', 'luxury', 'sophisticated', 'premium', 'refined', 'understated', 'mindful'],
    guidance: 'unhurried, refined sentences, plenty of space, and understatement over exclamation',
    hooks: ['Something new.', 'Quietly new:', 'Take a moment.', 'Simply put:'],
    flourishes: ['Quiet, thoughtful and made with care.', 'Less noise, more of what matters.', 'Simple things, done well.'],
    emoji: [],
    moods: ['calm and refined', 'serene and elegant', 'quiet and luxurious'],
    treatments: ['soft diffused light, generous negative space', 'muted natural light, minimal styling'],
  },
]

const DEFAULT_STYLE: ToneStyleName = 'warm'

export function styleNamed(name: ToneStyleName): ToneStyle {
  return TONE_STYLES.find(style => style.name === name) ?? TONE_STYLES[0]!
}

/** The style whose cues appear first in the tone text ("Playful but professional" → playful); warm when none do. */
export function styleForTone(tone: string): ToneStyle {
  const lower = tone.toLowerCase()
  let best: { style: ToneStyle, position: number } | undefined
  for (const style of TONE_STYLES) {
    for (const cue of style.cues) {
      const position = lower.search(new RegExp(`\\b${cue}`, 'u'))
      if (position >= 0 && (!best || position < best.position)) best = { style, position }
    }
  }
  return best?.style ?? styleNamed(DEFAULT_STYLE)
}
