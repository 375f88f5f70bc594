/**
 * `banzi pool`: query the talent pool.
 *
 * @module
 * @internal
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import { type Command } from 'commander'
import { UI_PHRASES, VALUE_LABELS, wordsIn } from '../../domain/codes.js'
import { queryPool } from '../../pool/index.js'
import { loadJson } from '../load.js'
import { type CliIo, type Common, EXIT, addCommon, json, withScenario } from '../shared.js'

/** Adds `pool` to the program; `exit` records the exit code of its run. @internal */
export function poolCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('pool')
      .description('query the talent pool')
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .option('--query <json>', 'a pool query as JSON, or @file.json', '{}')
      .addHelpText(
        'after',
        `\nExample: banzi pool county.json --query '{"field":"economy/finance","maxAge":40}'`,
      ),
  ).action(async (path: string, o: Common & { query: string }) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        let query: unknown
        if (o.query.startsWith('@')) {
          const q = await loadJson(o.query.slice(1), '--query')
          if (isLeft(q)) {
            for (const line of q.left) io.stderr(`${line}\n`)
            return EXIT.badInput
          }
          query = q.right
        } else
          try {
            query = JSON.parse(o.query) as unknown
          } catch {
            io.stderr(`--query: expected JSON, got ${JSON.stringify(o.query)}\n`)
            return EXIT.badInput
          }
        const r = queryPool(scenario, query as never)
        if (isLeft(r)) {
          io.stderr(`${r.left.message}\n`)
          return EXIT.badInput
        }
        if (o.json === true) io.stdout(json(r.right))
        else {
          io.stdout(`${wordsIn(o.lang).found}: ${r.right.total}\n`)
          // The rank by its label in the language asked for; the field is the county's own code.
          for (const c of r.right.cadres)
            io.stdout(
              `  ${c.name} (${c.cadreId}) ${UI_PHRASES.age(c.age)[o.lang]} ${VALUE_LABELS.rank[c.rank][o.lang]}${c.field === null ? '' : ` ${c.field}`}\n`,
            )
        }
        return EXIT.ok
      }),
    )
  })
}
