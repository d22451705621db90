import type { DeclarationLanguage } from '../declarationLanguage.ts';

/**
 * The first words drafters open paragraphs with, per declaration language
 * (DL7): participles and adjectives of the preamble ("Recognizing",
 * "Reconociendo", "Reconhecendo", "Reconnaissant") and the verbs of the
 * operative part ("Urge", "Instar", "Exortam", "Prient"). Lower case.
 *
 * The preambular openers are a closed list because the same shapes open
 * sentences that are not preambular ("Peacekeeping", "Cuando",
 * "Cependant"): the import tells a preambular paragraph by them
 * (shared/import/openingPhrase.ts, for a draft whose language is not known
 * yet, so the union of the four), and the language of a draft is told
 * partly by them (shared/import/detectLanguage.ts). Some words are the
 * same in Spanish and Portuguese ("considerando"): they count for both.
 */
export interface Openers {
  preamble: readonly string[];
  operative: readonly string[];
}

const words = (text: string) => text.trim().split(/\s+/u);

export const OPENERS: Record<DeclarationLanguage, Openers> = {
  en: {
    preamble: words(`recognizing recognising recalling reaffirming reiterating noting considering welcoming emphasizing emphasising stressing
      underlining underscoring acknowledging affirming expressing observing remembering believing bearing taking having convinced
      concerned aware mindful conscious cognizant determined desiring desirous alarmed deploring commending appreciating
      encouraging urging guided inspired highlighting returning seeking wishing endorsing supporting condemning regretting
      deeply gravely fully acting`),
    operative: words(`reaffirm reiterate decide request requests urge urges call calls encourage encourages welcome welcomes invite invites
      recommend recommends note notes express expresses recognize recognise recognizes emphasize emphasise stress stresses
      commit agree support supports acknowledge declare adopt endorse thank thanks affirm their`),
  },
  es: {
    preamble: words(`reconociendo recordando reafirmando reiterando observando considerando acogiendo destacando subrayando enfatizando
      expresando teniendo tomando convencidos convencidas preocupados preocupadas conscientes decididos decididas resueltos guiados
      inspirados deseosos alarmados profundamente afirmando celebrando saludando valorando habiendo`),
    operative: words(`reafirmar reiterar decidir solicitar instar exhortar alentar acoger invitar recomendar expresar reconocer destacar
      subrayar comprometerse acordar apoyar declarar adoptar agradecer reafirman reiteran deciden solicitan instan exhortan alientan
      acogen invitan recomiendan expresan reconocen destacan subrayan acuerdan apoyan agradecen su sus`),
  },
  pt: {
    preamble: words(`reconhecendo lembrando recordando reafirmando reiterando observando considerando acolhendo destacando sublinhando
      ressaltando expressando tendo levando tomando convictos cientes conscientes determinados preocupados guiados inspirados
      profundamente afirmando saudando celebrando valorizando`),
    operative: words(`reafirmar reiterar decidir solicitar instar exortar incentivar acolher convidar recomendar expressar reconhecer
      destacar sublinhar comprometer-se acordar apoiar declarar adotar agradecer reafirmam reiteram decidem solicitam instam exortam
      acolhem convidam recomendam expressam reconhecem destacam sublinham apoiam agradecem seu sua seus suas`),
  },
  fr: {
    preamble: words(`reconnaissant rappelant réaffirmant réitérant notant considérant accueillant saluant soulignant insistant exprimant
      observant prenant tenant ayant convaincus convaincu préoccupés préoccupé conscients conscient déterminés résolus guidés inspirés
      désireux alarmés profondément affirmant félicitant constatant`),
    operative: words(`réaffirment réitèrent décident demandent prient invitent engagent encouragent accueillent recommandent expriment
      reconnaissent soulignent conviennent appuient déclarent adoptent remercient s’engagent réaffirmer décider demander prier inviter
      encourager accueillir recommander exprimer reconnaître souligner convenir appuyer adopter remercier leur leurs`),
  },
};

/** Every language's preambular openers: what the import knows before the language is. */
export const ALL_PREAMBLE_OPENERS: ReadonlySet<string> = new Set(Object.values(OPENERS).flatMap((openers) => openers.preamble));
